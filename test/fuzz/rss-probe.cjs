// Preloaded into the CLI under test (node --require): reports the peak RSS on exit, in KiB.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  try {
    writeSync(2, `\n[beian-fuzz] maxrss=${process.resourceUsage().maxRSS}\n`);
  } catch {}
});
