import type { materials as zh } from '../zh/materials.js';

export const materials: Record<keyof typeof zh, string> = {
  'materials.description':
    'Generate the filing materials (algorithm basic info, self-assessment report, text to publish, security responsibilities, GenAI application form, security assessment, annotation rules, service agreement, keyword list and test-bank exports)',
  'materials.help': `
Examples:
  beian materials --config beian.yaml --out materials/
  beian materials --config beian.yaml --out materials/ --format docx,xlsx,pdf --evidence evidence.json
  beian materials --config beian.yaml --out materials/ --only algorithm-self-assessment --service video-feed
  beian materials check --config beian.yaml          # lists everything to complete; exit 1 if a required item is missing

Documents: {ids}
Results of scan, pii, redteam and audit are read from the --db store when it exists (--no-store: not).
What is missing is shown in a "to complete" box in the documents, never invented. PDF needs Chromium (apt-get install chromium fonts-noto-cjk).`,
  'materials.option.config': 'path of the project file beian.yaml',
  'materials.option.out': 'output folder (one file per document and format, named by document id)',
  'materials.option.format': 'formats, comma-separated: docx,xlsx,md,html,pdf (default docx,xlsx,md,html)',
  'materials.option.only': 'only these documents (ids, comma-separated)',
  'materials.option.service': 'only this service id',
  'materials.option.evidence':
    'evidence JSON file (determination, scan, red-team, fairness results; see docs/materials.md)',
  'materials.option.noStore':
    'do not read the latest stored results (scan, pii, red team, fairness) from the --db store',
  'materials.option.templates': 'your own template folder (overrides same-named files of data/templates)',
  'materials.check.description':
    'check: check every document: list missing and over-long fields and to-complete boxes; exit 1 if a required one is missing',
  'materials.badFormat': 'unknown format "{value}": use {formats}',
  'materials.wrote': 'Generated {docs} documents, {files} files in {out}',
  'materials.header.doc': 'Document',
  'materials.header.files': 'Files',
  'materials.header.todo': 'To complete',
  'materials.header.section': 'Section',
  'materials.header.item': 'Item',
  'materials.header.field': 'Where',
  'materials.header.required': 'Required',
  'materials.check.ok': 'Every required item is present ({optional} optional item(s) to complete).',
  'materials.check.failed':
    '{required} required item(s) missing or too long, {optional} optional item(s) to complete.',
  'materials.yes': 'yes',
};
