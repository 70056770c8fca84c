import { assessStep } from './assess.js';
import { fairnessStep } from './fairness.js';
import type { DemoStep } from './step.js';

/** The steps of `beian demo`, in order. Each feature adds one line. */
export const demoSteps: readonly DemoStep[] = [assessStep, fairnessStep];
import { registryStep } from './registry.js';
import type { DemoStep } from './step.js';

/** The steps of `beian demo`, in order. Each feature adds one line. */
export const demoSteps: readonly DemoStep[] = [assessStep, registryStep];
