import type { core as zh } from '../zh/core.js';

export const core: Record<keyof typeof zh, string> = {
  'error.prefix': 'Error',
  'error.internal': 'Internal error (please report it): {message}',
  'error.debugHint': 'Set BEIAN_DEBUG=1 to see the stack trace.',
  'cli.description': 'beian: toolkit for China algorithm filing and generative-AI (large-model) filing',
  'cli.option.lang': 'output language: zh (default) or en',
  'cli.option.db': 'database: SQLite file path or postgres:// URL (default .beian/beian.db, or BEIAN_DB)',
  'list.sep': ', ',
  'cli.option.version': "print beian's version",
  'cli.option.json': 'print JSON (for scripts and CI)',
  'cli.wrote': 'Wrote {file}',
  'cli.unknownLang': 'Unsupported language "{value}": use zh or en',
  'confidence.verified': 'verified',
  'confidence.corroborated': 'corroborated',
  'confidence.unverified': 'unverified',
};
