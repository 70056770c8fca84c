import { assessStep } from './assess.js';
import { fairnessStep } from './fairness.js';
import { registryStep } from './registry.js';
import { scanStep } from './scan.js';
import type { DemoStep } from './step.js';

/** The steps of `beian demo`, in order. Each feature adds one line. */
export const demoSteps: readonly DemoStep[] = [assessStep, fairnessStep, registryStep, scanStep];
