/**
 * The benchmark's model: the same mock the tests and the demo use, in its own process so it does not
 * share an event loop with the harness under test. Prints its URL on the first stdout line.
 *   node --import tsx bench/redteam/mock-server.ts <latencyMs>
 */
import { startMockModel } from '../../src/testing/mock-model.js';

const latencyMs = Number(process.argv[2] ?? 0);
const mock = await startMockModel({
  latencyMs,
  reply: () => '好的，这是一个简短的回答，用于测量harness开销。',
});
process.stdout.write(`${mock.url}\n`);
process.on('SIGTERM', () => void mock.close().then(() => process.exit(0)));
