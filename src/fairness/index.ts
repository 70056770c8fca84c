/** Fairness audits: the public library surface (pure core, the log reader and the data loader). */
export { type ChecklistScore, type Gap, scoreChecklist } from './checklist/score.js';
export { buildFairnessData, type FairnessData, loadFairnessData, param } from './data.js';
export {
  analyseDisparity,
  DisparityAccumulator,
  type DisparityAnalysis,
  type DisparityParams,
  exposureOf,
} from './disparity.js';
export { renderDisparityHtml, renderPriceHtml } from './html.js';
export { detectFormat, type LogFormat, readLog } from './log-reader.js';
export { jaccard, kendall, rbo, summariseOptout } from './optout.js';
export { analysePrice, PriceAccumulator, type PriceAnalysis, type PriceParams } from './price.js';
export type { DisparityReport, PriceReport } from './report.js';
export { createRng, type Rng } from './rng.js';
export type { Flag, Malformed } from './types.js';
