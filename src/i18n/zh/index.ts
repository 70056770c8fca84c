import { assess } from './assess.js';
import { audit } from './audit.js';
import { core } from './core.js';
import { demo } from './demo.js';
import { errors } from './errors.js';
import { guard } from './guard.js';
import { init } from './init.js';
import { kb } from './kb.js';
import { label } from './label.js';
import { lexicon } from './lexicon.js';
import { malformed } from './malformed.js';
import { materials } from './materials.js';
import { pii } from './pii.js';
import { piiQueue } from './pii-queue.js';
import { queue } from './queue.js';
import { redteam } from './redteam.js';
import { registry } from './registry.js';
import { scaleOut } from './scale-out.js';
import { scan } from './scan.js';
import { schema } from './schema.js';
import { server } from './server.js';

/** The Chinese catalogue: one file per domain, merged here. Keys are namespaced by domain. */
export const zh = {
  ...core,
  ...kb,
  ...label,
  ...lexicon,
  ...scan,
  ...assess,
  ...demo,
  ...materials,
  ...audit,
  ...registry,
  ...server,
  ...pii,
  ...piiQueue,
  ...redteam,
  ...schema,
  ...init,
  ...errors,
  ...guard,
  ...queue,
  ...scaleOut,
  ...malformed,
};
