import type { demo as zh } from '../zh/demo.js';

export const demo: Record<keyof typeof zh, string> = {
  'demo.description':
    'Run every feature on the shipped example portfolio (short-video feed, e-commerce search, self-trained chat model, mini-program on a filed model) and write reports you can open',
  'demo.option.out': 'output folder',
  'demo.option.config': 'use another project file instead of the shipped example',
  'demo.help.examples':
    'Examples:\n  npx beian demo\n  npx beian demo --lang en --out /tmp/beian-demo\n\nThen open demo-output/index.html in a browser.',
  'demo.option.steps': 'run only these steps (comma-separated, e.g. assess,fairness)',
  'demo.unknownStep': 'Unknown demo step(s): {ids} (known: {known})',
  'demo.open': 'Open in a browser: {file}',
  'demo.summary.assess': '{services} services; the company needs {required} kinds of filing/assessment',
  'demo.index.title': 'beian demo results',
  'demo.html.lang': 'en',
  'demo.registry.reason': 'recommendation now also recalls live streams',
  'demo.registry.note': 'applicability determination',
  'demo.summary.registry':
    'Registry: {services} services, {filings} filings, {due} deadlines ({overdue} overdue); run beian serve to see the dashboard ({location})',
  'demo.summary.redteam':
    "{total} cases (sampled starter banks + variants, local mock model): should-refuse refusal rate {refuse}, should-not-refuse refusal rate {notRefuse}; the sample is below the standard's size, so this is a demonstration only",
  'demo.materials.noPdf': ' (no Chromium: PDF skipped)',
  'demo.summary.materials': '{documents} documents, {files} files, {todo} item(s) to complete{noPdf}',
  'demo.pii.title': 'Personal information found',
  'demo.pii.type': 'Type',
  'demo.pii.count': 'Count',
  'demo.pii.redaction':
    '{redacted} findings de-identified, {residual} high-confidence residuals on re-scan; {malformed} unreadable lines.',
  'demo.summary.pii':
    '{findings} personal-information findings in {records} sample records, {residual} high-confidence residuals after de-identification; {flagged} of {sources} sources flagged',
  'demo.fairness.audits':
    '{service} price audit: {price} flag(s){top}; coupon disparity: {disparity} flag(s)',
  'demo.fairness.gaps': 'required checklist gaps: {gaps}',
  'demo.fairness.noChecklist': 'no checklist section: self-assessment not scored',
  'demo.fairness.skipped': 'no recommending or ranking service and no checklist section: nothing to audit',
  'demo.redteam.skipped':
    'no generative service in the project (no models, no generate-synthesise function): nothing to red-team',
  'demo.scan.sample': 'shipped sample corpus: ',
  'demo.parts.sep': '; ',
  'demo.fairness.top': ' ({group} pay {effect} more than {reference}, driven by {drivers} items)',
  'demo.summary.scan': '{records} records, {flagged} flagged, verdict: {verdict}{over}',
  'demo.scan.over': '; sources over threshold: {sources}',
  'demo.scan.pass': 'pass',
  'demo.scan.fail': 'fail',
  'demo.list.sep': ', ',
};
