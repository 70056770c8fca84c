import { assessStep } from './assess.js';
import { fairnessStep } from './fairness.js';
import { materialsStep } from './materials.js';
import { piiStep } from './pii.js';
import { redteamStep } from './redteam.js';
import { registryStep } from './registry.js';
import { scanStep } from './scan.js';
import type { DemoStep } from './step.js';

/** The steps of `beian demo`, in order (materials last: they draw on the others' results). One line each. */
export const demoSteps: readonly DemoStep[] = [
  assessStep,
  registryStep,
  scanStep,
  piiStep,
  redteamStep,
  fairnessStep,
  materialsStep(),
];
