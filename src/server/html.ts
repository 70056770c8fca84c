/**
 * Pages are built with the shared escaping template (util/html.ts): every interpolated value is
 * escaped unless it is already SafeHtml, so untrusted text (service names, model answers) can only
 * reach a page escaped. Plain string building keeps the 5,000-filing overview fast.
 */
export { escapeHtml as esc, html as h, raw, type SafeHtml } from '../util/html.js';

/** Path segments are percent-encoded so an id can never break out of an href. */
export const seg = (s: string): string => encodeURIComponent(s);
