/**
 * Where the plain-file reader (blocks.ts) gets the buffers it reads blocks into. A fresh buffer
 * per block costs its page faults and unmapping (~0.45 ms of CPU per MiB, measured: reading 64 MiB
 * into fresh 1 MiB buffers took 39 ms of CPU, into reused ones 10 ms); a scan reuses a ring of
 * shared buffers instead, each read in place by the worker and taken again once its task is done.
 */
export interface BlockBuffers {
  /** a buffer of exactly `size` bytes (its contents undefined), waiting for one to be free if need be */
  take(size: number): Buffer | Promise<Buffer>;
  /** gives back what take returned (a block's bytes, or a view of them); anything else is ignored */
  release(bytes: Uint8Array): void;
}

/** A buffer of its own each time (not zeroed: every byte handed on is read into it first). */
export const ownBuffers: BlockBuffers = {
  take: (size) => Buffer.allocUnsafeSlow(size),
  release: () => {},
};

/**
 * `count` SharedArrayBuffers of `slotBytes` each: a block's bytes are a view of one (shared with the
 * worker, neither copied nor transferred) until released. A request larger than a slot (a line
 * longer than the slot's room for it) gets a buffer of its own. Count at least the blocks in flight
 * plus the one being read, or the reader waits for a task to finish (it never deadlocks as long as
 * tasks release their block when they finish, not when their result is consumed).
 */
export class BlockRing implements BlockBuffers {
  private readonly free: SharedArrayBuffer[] = [];
  private readonly mine = new Set<ArrayBufferLike>();
  private readonly waiting: Array<() => void> = [];

  constructor(
    count: number,
    readonly slotBytes: number,
  ) {
    for (let i = 0; i < count; i++) {
      const slot = new SharedArrayBuffer(slotBytes);
      this.free.push(slot);
      this.mine.add(slot);
    }
  }

  /** slots not in use */
  get available(): number {
    return this.free.length;
  }

  async take(size: number): Promise<Buffer> {
    if (size > this.slotBytes) return Buffer.allocUnsafeSlow(size);
    while (!this.free.length) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return Buffer.from(this.free.pop() as SharedArrayBuffer, 0, size);
  }

  release(bytes: Uint8Array): void {
    const slot = bytes.buffer;
    if (!this.mine.has(slot) || this.free.includes(slot as SharedArrayBuffer)) return;
    this.free.push(slot as SharedArrayBuffer);
    this.waiting.shift()?.();
  }
}
