const SLOTS = 1024; // a power of two
/** Beyond this many keys in one map, `add` refuses (the caller falls back): the table stays sparse. */
export const MAX_KEYS = SLOTS / 2;

/**
 * The keys met so far in one map of one message, by their bytes, to find a repeated key (whose
 * last value would win) without building a string per key: an open-addressing table of byte
 * ranges, stamped with the map's generation so that starting the next map clears nothing.
 */
export class SeenKeys {
  private readonly stamps = new Int32Array(SLOTS);
  private readonly starts = new Int32Array(SLOTS);
  private readonly lengths = new Int32Array(SLOTS);
  private generation = 0;
  private count = 0;
  private buf: Uint8Array = new Uint8Array(0);

  /** Starts a new map, whose keys are ranges of `buf`. */
  next(buf: Uint8Array): void {
    this.buf = buf;
    this.count = 0;
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** False when the key `buf[start, end)` (of FNV-1a `hash`) was met in this map, or there are too many. */
  add(start: number, end: number, hash: number): boolean {
    if (++this.count > MAX_KEYS) return false;
    const length = end - start;
    let slot = hash & (SLOTS - 1);
    while (this.stamps[slot] === this.generation) {
      if (this.lengths[slot] === length && this.sameBytes(this.starts[slot]!, start, length)) return false;
      slot = (slot + 1) & (SLOTS - 1);
    }
    this.stamps[slot] = this.generation;
    this.starts[slot] = start;
    this.lengths[slot] = length;
    return true;
  }

  private sameBytes(a: number, b: number, length: number): boolean {
    const buf = this.buf;
    for (let i = 0; i < length; i++) if (buf[a + i] !== buf[b + i]) return false;
    return true;
  }
}

/** The FNV-1a hash of `buf[start, end)`. */
export function fnv1a(buf: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
  return hash >>> 0;
}
