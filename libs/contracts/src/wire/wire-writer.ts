/**
 * A protobuf binary writer for hand-written encoders of hot messages. It writes into one scratch
 * buffer that grows as needed and is reused for the next message; `finish()` copies the message
 * out. Values are checked as the generated code's writer checks them, with the same messages.
 */
export class WireWriter {
  private buf = Buffer.allocUnsafe(4096);
  private pos = 0;

  /** Starts a new message (the previous one must have been finished). */
  reset(): this {
    this.pos = 0;
    return this;
  }

  /** A copy of the message written since `reset()`: a Buffer, as Kafka clients take it. */
  finish(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    return out;
  }

  uint32(value: number): this {
    this.ensure(5);
    let v = value >>> 0;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
    return this;
  }

  /** Negative values take ten bytes (sign-extended to 64 bits), as protobuf requires. */
  int32(value: number): this {
    assertInt32(value);
    if (value >= 0) return this.uint32(value);
    return this.varint64(value >>> 0, 0xffffffff);
  }

  int64(value: number): this {
    assertInt64(value);
    const hi = Math.floor(value / 4294967296);
    return this.varint64((value - hi * 4294967296) >>> 0, hi >>> 0);
  }

  double(value: number): this {
    this.ensure(8);
    this.pos = this.buf.writeDoubleLE(value, this.pos);
    return this;
  }

  /** A length-prefixed UTF-8 string of `byteLength` bytes (see `utf8Length`). */
  string(value: string, byteLength: number): this {
    this.uint32(byteLength);
    this.ensure(byteLength);
    if (byteLength === value.length) {
      const buf = this.buf;
      let pos = this.pos;
      for (let i = 0; i < value.length; i++) buf[pos++] = value.charCodeAt(i);
      this.pos = pos;
    } else {
      this.pos += this.buf.write(value, this.pos, byteLength, 'utf8');
    }
    return this;
  }

  private varint64(lo: number, hi: number): this {
    this.ensure(10);
    while (hi > 0 || lo > 0x7f) {
      this.buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.buf[this.pos++] = lo;
    return this;
  }

  private ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}

/** Bytes of `value` in UTF-8 (a lone surrogate takes three, as U+FFFD). */
export function utf8Length(value: string): number {
  let bytes = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (
      code >= 0xd800 &&
      code <= 0xdbff &&
      i + 1 < value.length &&
      isLowSurrogate(value.charCodeAt(i + 1))
    ) {
      bytes += 2; // a pair: four bytes for two UTF-16 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Bytes of `value` as an unsigned varint. */
export function varintSize(value: number): number {
  const v = value >>> 0;
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  return 5;
}

/** Bytes of a length-delimited field's length prefix and body. */
export function delimitedSize(bodyBytes: number): number {
  return varintSize(bodyBytes) + bodyBytes;
}

function assertInt32(value: number): void {
  if (!Number.isInteger(value) || value > 0x7fffffff || value < -0x80000000)
    throw new Error(`invalid int32: ${value}`);
}

function assertInt64(value: number): void {
  if (!Number.isInteger(value))
    throw new RangeError(`The number ${value} cannot be converted to a BigInt because it is not an integer`);
  if (value >= 2 ** 63 || value < -(2 ** 63)) throw new Error(`invalid int64: ${value}`);
}
