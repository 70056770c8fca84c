import { assess } from './assess.js';
import { core } from './core.js';
import { demo } from './demo.js';
import { kb } from './kb.js';
import { materials } from './materials.js';

/** The Chinese catalogue: one file per domain, merged here. Keys are namespaced by domain. */
export const zh = {
  ...core,
  ...kb,
  ...assess,
  ...demo,
  ...materials,
};
