/**
 * Layer boundaries (docs/architecture.md). Flow is one way:
 *   shells (cli/, server/, demo/) → app/ (use cases) → domain folders + store/ → util/, i18n/, errors
 */
const domains =
  '^src/(kb|assess|project|lexicon|pii|sources|corpus|redteam|fairness|materials|filings|guard|label|i18n|util)/';
/** The queue engine's pure part: payloads, the handler registry, shard planning, merging. */
const queueCore = '^src/queue/(jobs|registry|shards|merge)\\.ts$';
/**
 * Files that talk to Redis: the BullMQ shell, and the red-team side's Redis modules (rate gate,
 * connection, batch runner; to move under src/queue/bullmq/ or src/queue/redis/).
 */
const redisShell = '^src/queue/bullmq/';

/** [name, why, from, to]: each row forbids imports from `from` to `to`. */
const rules = [
  [
    'domain-not-to-shells',
    'Core logic stays free of the shells: they depend on the domain, never the reverse.',
    { path: domains },
    { path: '^src/(cli|server|store|app|demo|testing)/' },
  ],
  [
    'store-not-to-shells',
    'Repositories know tables, not use cases: they take plain records shaped by the domain.',
    { path: '^src/store/' },
    { path: '^src/(cli|server|app|demo|testing)/' },
  ],
  [
    'app-not-to-cli-or-server',
    'Use cases are called by the shells and never call them.',
    { path: '^src/app/' },
    { path: '^src/(cli|server|demo|testing)/' },
  ],
  [
    'only-store-touches-the-database',
    'Every query lives in a repository under src/store/; nothing else imports the DB libraries.',
    { path: '^src/', pathNot: '^src/store/' },
    { path: '(^|/)node_modules/(kysely|better-sqlite3|pg|pg-[a-z-]+)/' },
  ],
  [
    'shells-reach-store-through-use-cases',
    'cli/, server/ and demo/ open the store and pass it on; queries are reached through app/ use cases. The dashboard sources (server/*-source.ts) are the adapters wired in `beian serve`.',
    { path: '^src/(cli|server|demo)/', pathNot: '^src/server/[a-z-]+-source\\.ts$' },
    { path: '^src/store/', pathNot: '^src/store/(index|url|store|schema)\\.ts$' },
  ],
  [
    'routes-call-use-cases',
    'A route module parses the request, calls a use case and renders: it never sees the store.',
    { path: '^src/server/routes/' },
    { path: '^src/store/' },
  ],
  [
    'demo-only-from-cli',
    'The demo is an outer shell beside cli/ and server/: only `beian demo` loads it.',
    { path: '^src/', pathNot: '^src/(cli|demo)/' },
    { path: '^src/demo/' },
  ],
  [
    'testing-only-from-demo',
    'Test doubles (beian/testing) are for tests and the demo, never the library or the use cases.',
    { path: '^src/', pathNot: '^src/(demo|testing)/' },
    { path: '^src/testing/' },
  ],
  [
    'only-the-queue-shell-touches-redis',
    'BullMQ and ioredis stay behind src/queue/bullmq/: planning, payloads and merging are pure and testable without Redis.',
    { path: '^src/', pathNot: redisShell },
    { path: '(^|/)node_modules/(bullmq|ioredis)/' },
  ],
  [
    'queue-core-is-pure',
    'The queue core (shards, payloads, merging, the handler registry) imports no shell, store or use case.',
    { path: queueCore },
    { path: '^src/(cli|server|store|app|demo|testing|queue/bullmq)/' },
  ],
  [
    'queue-shell-only-from-shells',
    'The BullMQ shell is wired by the CLI (beian worker, --queue); use cases take the handlers and ports, never Redis.',
    { path: '^src/', pathNot: '^src/(cli|queue/bullmq)/' },
    { path: '^src/queue/bullmq/' },
  ],
];

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    ...rules.map(([name, comment, from, to]) => ({ name, comment, severity: 'error', from, to })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
};
