import { core } from './core.js';
import { kb } from './kb.js';
import { lexicon } from './lexicon.js';
import { scan } from './scan.js';

/** The Chinese catalogue: one file per domain, merged here. Keys are namespaced by domain. */
export const zh = { ...core, ...kb, ...lexicon, ...scan };
