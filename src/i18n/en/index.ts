import type { zh } from '../zh/index.js';
import { assess } from './assess.js';
import { audit } from './audit.js';
import { core } from './core.js';
import { demo } from './demo.js';
import { kb } from './kb.js';
import { lexicon } from './lexicon.js';
import { registry } from './registry.js';
import { scan } from './scan.js';
import { server } from './server.js';

/** The English catalogue; the type makes a missing translation a compile error. */
export const en: Record<keyof typeof zh, string> = {
  ...core,
  ...kb,
  ...lexicon,
  ...scan,
  ...assess,
  ...demo,
  ...audit,
  ...registry,
  ...server,
};
