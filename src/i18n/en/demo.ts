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
};
