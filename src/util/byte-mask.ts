/**
 * A byte per position of a text, zeroed, from a buffer kept between texts: the detectors mark the
 * positions their findings cover, and a typed array per text costs an allocation outside the heap
 * (and its finaliser) where the marking itself is a few stores. A text longer than `max` gets a
 * buffer of its own, so memory stays bounded by the longest ordinary text. Not re-entrant: one
 * mask per caller that finishes with it before it asks again.
 */
export class ByteMask {
  private buf = new Uint8Array(1024);
  private readonly max: number;
  constructor(max = 1 << 16) {
    this.max = max;
  }
  /** bytes [0, n) zeroed; past n the buffer holds what earlier texts left, so read only below n */
  zeroed(n: number): Uint8Array {
    if (n > this.max) return new Uint8Array(n);
    if (this.buf.length < n) this.buf = new Uint8Array(Math.min(this.max, Math.max(n, this.buf.length * 2)));
    else this.buf.fill(0, 0, n);
    return this.buf;
  }
}
