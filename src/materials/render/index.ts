import { BeianError } from '../../errors.js';
import type { Format, MaterialDocument } from '../model.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';

/** What a renderer may need from outside: printing HTML to PDF needs a browser (app/ provides it). */
export interface RenderDeps {
  printPdf?: (html: string) => Promise<Uint8Array>;
}

export interface Renderer {
  format: Format;
  extension: string;
  /** text formats return a string, binary ones bytes */
  render: (doc: MaterialDocument, deps: RenderDeps) => Promise<string | Uint8Array>;
}

/** The typed registry: one entry per format, each passing the same contract test. */
export const renderers: { readonly [F in Format]: Renderer } = {
  md: { format: 'md', extension: 'md', render: async (d) => renderMarkdown(d) },
  html: { format: 'html', extension: 'html', render: async (d) => renderHtml(d) },
  docx: { format: 'docx', extension: 'docx', render: (d) => renderDocx(d) },
  xlsx: { format: 'xlsx', extension: 'xlsx', render: (d) => renderXlsx(d) },
  pdf: {
    format: 'pdf',
    extension: 'pdf',
    render: async (d, deps) => {
      if (!deps.printPdf) throw BeianError.of('ENVIRONMENT', 'materials.noPrinter');
      return deps.printPdf(renderHtml(d));
    },
  },
};

export { escapeHtml } from '../../util/html.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
