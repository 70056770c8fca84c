export { parseProject } from './parse.js';
export { Contact, Organisation, ProjectFile, Service } from './schema.js';
export { ChecklistAnswer, ChecklistEntry } from './sections/checklist.js';
export { Algorithm, ModelEntry, RiskMeasure } from './sections/inventory.js';
export { Measures } from './sections/measures.js';
