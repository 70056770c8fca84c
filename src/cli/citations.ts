/** The citation format lives in the KB (documents print citations too); re-exported for commands. */
export { formatCitation } from '../kb/cite.js';
