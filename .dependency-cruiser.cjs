/** Layer boundaries (ARCHITECTURE.md §2): domain folders never reach the shells. */
const domains =
  '^src/(kb|assess|project|lexicon|pii|sources|corpus|redteam|fairness|materials|registry|label|i18n|util)/';
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-not-to-shells',
      comment:
        'Core logic stays I/O-free of the shells: cli/, server/, store/ and app/ depend on the domain, never the reverse.',
      severity: 'error',
      from: { path: domains },
      to: { path: '^src/(cli|server|store|app)/' },
    },
    {
      name: 'store-not-to-shells',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(cli|server|app)/' },
    },
    {
      name: 'app-not-to-cli-or-server',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(cli|server)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
};
