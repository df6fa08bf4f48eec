/**
 * A protobuf binary reader for hand-written decoders of hot messages. It reads exactly as the
 * generated code's reader (`@bufbuild/protobuf/wire`, driven by ts-proto) does, including what
 * it accepts and refuses in malformed input, so a hand-written decoder can replace the
 * generated one without changing any outcome; only the per-field overhead is gone.
 */
export class WireReader {
  pos = 0;

  constructor(readonly buf: Uint8Array) {}

  get len(): number {
    return this.buf.length;
  }

  /** An unsigned 32-bit varint (longer varints keep their low 32 bits, as protobuf requires). */
  uint32(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if ((b & 0x80) === 0) return this.checked(b);
    let result = b & 0x7f;
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 7;
    if ((b & 0x80) === 0) return this.checked(result);
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 14;
    if ((b & 0x80) === 0) return this.checked(result);
    b = buf[this.pos++]!;
    result |= (b & 0x7f) << 21;
    if ((b & 0x80) === 0) return this.checked(result);
    b = buf[this.pos++]!;
    result |= (b & 0x0f) << 28;
    for (let read = 5; (b & 0x80) !== 0 && read < 10; read++) b = buf[this.pos++]!;
    if ((b & 0x80) !== 0) throw new Error('invalid varint');
    return this.checked(result >>> 0);
  }

  int32(): number {
    return this.uint32() | 0;
  }

  /**
   * An int64 varint as a number.
   * @throws Error when it is beyond ±(2^53 - 1), where a number stops being exact.
   */
  int64(): number {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    let done = false;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        done = true;
        break;
      }
    }
    if (!done) {
      const middle = buf[pos++]!;
      lo |= (middle & 0x0f) << 28;
      hi = (middle & 0x70) >> 4;
      done = (middle & 0x80) === 0;
      for (let shift = 3; !done && shift <= 31; shift += 7) {
        const b = buf[pos++]!;
        hi |= (b & 0x7f) << shift;
        done = (b & 0x80) === 0;
      }
      if (!done) throw new Error('invalid varint');
    }
    this.pos = pos;
    this.assertBounds();
    const value = hi * 4294967296 + (lo >>> 0);
    if (value > Number.MAX_SAFE_INTEGER) throw new Error('Value is larger than Number.MAX_SAFE_INTEGER');
    if (value < Number.MIN_SAFE_INTEGER) throw new Error('Value is smaller than Number.MIN_SAFE_INTEGER');
    return value;
  }

  /** @throws RangeError when fewer than 8 bytes are left. */
  double(): number {
    const at = this.pos;
    this.pos += 8;
    if (this.pos > this.buf.length) throw new RangeError('Offset is outside the bounds of the DataView');
    return readFloat64LE(this.buf, at);
  }

  /** A UTF-8 string; invalid sequences become U+FFFD and a leading BOM is dropped. */
  string(): string {
    const start = this.lengthDelimited();
    return utf8Text(this.buf, start, this.pos);
  }

  /**
   * A string used as an object key (a map entry's key): short ASCII keys come from a small cache
   * of earlier ones, so the same feature names in every message are not built and hashed into
   * V8's string table again for each.
   */
  key(): string {
    const start = this.lengthDelimited();
    return cachedKey(this.buf, start, this.pos);
  }

  /** The key (see `key`) held in `buf[start, end)`, for a caller that walked the bytes itself. */
  keyAt(start: number, end: number): string {
    return cachedKey(this.buf, start, end);
  }

  /** Skips one value of `wireType` (a group up to its end tag). */
  skip(wireType: number, fieldNo?: number, depthLeft = 100): void {
    switch (wireType) {
      case 0:
        while (this.buf[this.pos++]! & 0x80);
        break;
      case 1:
        this.pos += 8;
        break;
      case 5:
        this.pos += 4;
        break;
      case 2: {
        const len = this.uint32();
        this.pos += len;
        break;
      }
      case 3:
        if (depthLeft <= 0) throw new Error('maximum recursion depth reached');
        for (;;) {
          const [field, type] = this.tag();
          if (type === 4) {
            if (fieldNo !== undefined && field !== fieldNo) throw new Error('invalid end group tag');
            break;
          }
          this.skip(type, field, depthLeft - 1);
        }
        break;
      default:
        throw new Error(`cant skip wire type ${wireType}`);
    }
    this.assertBounds();
  }

  /** Reads a length prefix; the end position of the value it prefixes. */
  delimitedEnd(): number {
    const len = this.uint32();
    return this.pos + len;
  }

  assertBounds(): void {
    if (this.pos > this.buf.length) throw new RangeError('premature EOF');
  }

  private tag(): [field: number, wireType: number] {
    const start = this.pos;
    const tag = this.uint32();
    const read = this.pos - start;
    if (read > 5 || (read === 5 && this.buf[this.pos - 1]! > 0x0f))
      throw new Error('illegal tag: varint overflows uint32');
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (field <= 0 || wireType > 5) throw new Error(`illegal tag: field no ${field} wire type ${wireType}`);
    return [field, wireType];
  }

  /** Moves past a length-prefixed value; where it starts (it ends at `pos`). */
  private lengthDelimited(): number {
    const len = this.uint32();
    const start = this.pos;
    this.pos += len;
    this.assertBounds();
    return start;
  }

  private checked(value: number): number {
    this.assertBounds();
    return value;
  }
}

// Reading through a scratch float (rather than a DataView per message) saves an allocation.
const scratch = new Float64Array(1);
const scratchBytes = new Uint8Array(scratch.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloat64LE(buf: Uint8Array, at: number): number {
  for (let i = 0; i < 8; i++) scratchBytes[littleEndian ? i : 7 - i] = buf[at + i]!;
  return scratch[0]!;
}

const ASCII_MAX = 64;
const decoder = new TextDecoder();
// Node's native latin1 slice takes any Uint8Array and is the fastest way to a short string.
const latin1Slice = (
  Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, start: number, end: number): string }
).latin1Slice;

const KEY_CACHE_SLOTS = 1024; // a power of two
const KEY_MAX = 48;
const keyCache = new Array<string | undefined>(KEY_CACHE_SLOTS).fill(undefined);

function cachedKey(buf: Uint8Array, start: number, end: number): string {
  if (end - start > KEY_MAX) return utf8Text(buf, start, end);
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const byte = buf[i]!;
    if (byte > 0x7f) return utf8Text(buf, start, end);
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  const slot = (hash >>> 0) & (KEY_CACHE_SLOTS - 1);
  const cached = keyCache[slot];
  if (cached !== undefined && cached.length === end - start) {
    let same = true;
    for (let i = 0; i < cached.length; i++) {
      if (cached.charCodeAt(i) !== buf[start + i]) {
        same = false;
        break;
      }
    }
    if (same) return cached;
  }
  const key = latin1Slice.call(buf, start, end);
  keyCache[slot] = key;
  return key;
}

function utf8Text(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= ASCII_MAX) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i]! > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return latin1Slice.call(buf, start, end);
  }
  // Longer or non-ASCII: TextDecoder, as the generated reader (U+FFFD for bad bytes, BOM dropped).
  return decoder.decode(buf.subarray(start, end));
}
