import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchOptions, RedteamBatchPayload, splitBatches } from './batch-job.js';

const target = {
  type: 'openai' as const,
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'm',
  apiKeyEnv: 'TARGET_API_KEY',
  params: {},
  concurrency: 4,
  timeoutMs: 1000,
  retries: 1,
  maxResponseBytes: 1000,
};

describe('red-team batches', () => {
  it('split the items in plan order, none lost or repeated, none over the size', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 500 }), fc.integer({ min: 1, max: 60 }), (items, size) => {
        const b = splitBatches(items, size);
        expect(b.flat()).toEqual(items);
        expect(b.every((x) => x.length >= 1 && x.length <= size)).toBe(true);
        expect(b.length).toBe(Math.ceil(items.length / size));
      }),
    );
  });

  it('carry the options a worker needs, key names only, and survive the JSON trip', () => {
    const options = batchOptions({ targets: [target], noCache: true });
    const payload = {
      runId: 'rt-1',
      sharedLimits: true,
      options,
      items: [{ id: 'q1', text: '（自拟）问题', kind: 'should-refuse' as const, risk: 'A.1.1' }],
    };
    expect(RedteamBatchPayload.parse(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
    expect(JSON.stringify(payload)).not.toMatch(/sk-/);
    // a batch that can never run (no items, unknown field) is refused, not retried
    expect(RedteamBatchPayload.safeParse({ ...payload, items: [] }).success).toBe(false);
    expect(RedteamBatchPayload.safeParse({ ...payload, extra: 1 }).success).toBe(false);
  });
});
