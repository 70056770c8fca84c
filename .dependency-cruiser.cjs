/**
 * Layer boundaries (docs/architecture.md). Flow is one way:
 *   shells (cli/, server/, demo/) → app/ (use cases) → domain folders + store/ → util/, i18n/, errors
 */
const domains =
  '^src/(kb|assess|project|lexicon|pii|sources|corpus|redteam|fairness|materials|filings|i18n|util)/';
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-not-to-shells',
      comment:
        'Core logic stays I/O-free of the shells: cli/, server/, store/, app/, demo/ and testing/ depend on the domain, never the reverse.',
      severity: 'error',
      from: { path: domains },
      to: { path: '^src/(cli|server|store|app|demo|testing)/' },
    },
    {
      name: 'store-not-to-shells',
      comment: 'Repositories know tables, not use cases: they take plain records shaped by the domain.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(cli|server|app|demo|testing)/' },
    },
    {
      name: 'app-not-to-cli-or-server',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(cli|server|demo|testing)/' },
    },
    {
      name: 'only-store-touches-the-database',
      comment: 'Every query lives in a repository under src/store/; nothing else imports the DB libraries.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '(^|/)node_modules/(kysely|better-sqlite3|pg|pg-[a-z-]+)/' },
    },
    {
      name: 'shells-reach-store-through-use-cases',
      comment:
        'cli/, server/ and demo/ open the store and pass it on; queries are reached through app/ use cases. The dashboard sources (server/*-source.ts) are the adapters wired in `beian serve`.',
      severity: 'error',
      from: { path: '^src/(cli|server|demo)/', pathNot: '^src/server/[a-z-]+-source\\.ts$' },
      to: { path: '^src/store/', pathNot: '^src/store/(index|url|store|schema)\\.ts$' },
    },
    {
      name: 'routes-call-use-cases',
      comment: 'A route module parses the request, calls a use case and renders: it never sees the store.',
      severity: 'error',
      from: { path: '^src/server/routes/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'demo-only-from-cli',
      comment: 'The demo is an outer shell beside cli/ and server/: only `beian demo` loads it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|demo)/' },
      to: { path: '^src/demo/' },
    },
    {
      name: 'testing-only-from-demo',
      comment: 'Test doubles (beian/testing) are for tests and the demo, never the library or the use cases.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(demo|testing)/' },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
};
