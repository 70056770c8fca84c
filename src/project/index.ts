export { parseProject } from './parse.js';
export { Contact, Organisation, ProjectFile, Service } from './schema.js';
export { ChecklistAnswer, ChecklistEntry } from './sections/checklist.js';
export { Algorithm, ModelEntry } from './sections/inventory.js';
