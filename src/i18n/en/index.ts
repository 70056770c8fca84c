import type { zh } from '../zh/index.js';
import { core } from './core.js';
import { kb } from './kb.js';
import { lexicon } from './lexicon.js';
import { scan } from './scan.js';

/** The English catalogue; the type makes a missing translation a compile error. */
export const en: Record<keyof typeof zh, string> = { ...core, ...kb, ...lexicon, ...scan };
