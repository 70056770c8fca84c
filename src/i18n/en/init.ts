import type { init as zh } from '../zh/init.js';

export const init: Record<keyof typeof zh, string> = {
  'init.description':
    'Write a commented beian.yaml that validates, to start from: answer the questionnaire in the terminal, or read saved answers with --from-assess',
  'init.option.out': 'the file to write',
  'init.option.fromAssess':
    'build it from a file of questionnaire answers (YAML/JSON: services[].name and answers, fields as in beian.yaml) instead of asking',
  'init.option.force': 'replace an existing file',
  'init.help':
    'Examples:\n  npx beian init                                            (answer in the terminal)\n  npx beian init --from-assess answers.yaml --out beian.yaml\n\nThe write is atomic (a temporary file, then a rename); an existing file is replaced only with --force.\nExit codes: 0 written; 2 bad input or the file exists.',
  'init.exists':
    '{file} exists and was not replaced. Choose another --out path, or add --force to replace it.',
  'init.needInput': 'Not an interactive terminal: name a file of questionnaire answers with --from-assess.',
  'init.header.title':
    'beian.yaml: the filing project file of the organisation, written by beian init on {date}.',
  'init.header.next':
    'Next: npx beian assess --input beian.yaml. Every field is explained in schema/beian.schema.json (shown on hover in editors).',
  'init.unanswered': 'Questions not answered yet (those that change the outcome are listed "to clarify"):',
  'init.wrote': 'Wrote {file}: {n} service(s). Next: npx beian assess --input {file}',
  'init.prompt.organisation': 'Organisation name (as on the business licence; may be left empty for now)',
  'init.prompt.another': 'Add another service?',
  'init.cannotRead': 'Cannot read {file}.',
  'init.notAnswers': '{file} does not hold questionnaire answers.',
};
