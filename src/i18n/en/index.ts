import type { zh } from '../zh/index.js';
import { assess } from './assess.js';
import { core } from './core.js';
import { demo } from './demo.js';
import { kb } from './kb.js';
import { materials } from './materials.js';

/** The English catalogue; the type makes a missing translation a compile error. */
export const en: Record<keyof typeof zh, string> = {
  ...core,
  ...kb,
  ...assess,
  ...demo,
  ...materials,
};
