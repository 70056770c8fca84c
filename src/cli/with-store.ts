import type { Store } from '../store/index.js';
import type { CliContext } from './context.js';

/** Opens the store for one command and always closes it, whatever `fn` throws. */
export async function withStore<T>(
  c: Pick<CliContext, 'openStore'>,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await c.openStore();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
