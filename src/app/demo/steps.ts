import { assessStep } from './assess.js';
import { materialsStep } from './materials.js';
import type { DemoStep } from './step.js';

/** The steps of `beian demo`, in order. Each feature adds one line. */
export const demoSteps: readonly DemoStep[] = [assessStep, materialsStep()];
