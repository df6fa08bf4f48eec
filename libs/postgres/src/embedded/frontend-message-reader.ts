/** One complete frontend message, as framed by the PostgreSQL wire protocol (v3). */
export type FrontendFrame =
  | { kind: 'ssl-request' | 'gss-request' | 'cancel-request' }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'message'; type: string; bytes: Buffer };

const SSL_REQUEST_CODE = 80_877_103;
const GSS_REQUEST_CODE = 80_877_104;
const CANCEL_REQUEST_CODE = 80_877_102;

/**
 * Splits a client's byte stream into whole messages. Until the startup message, messages have
 * no type byte (length, then a request code or protocol version); after it, every message is
 * a type byte followed by a length that counts itself but not the type.
 */
export class FrontendMessageReader {
  private buffered: Buffer = Buffer.alloc(0);
  private started = false;

  push(chunk: Buffer): FrontendFrame[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: FrontendFrame[] = [];
    for (let frame = this.next(); frame; frame = this.next()) frames.push(frame);
    return frames;
  }

  private next(): FrontendFrame | undefined {
    return this.started ? this.nextTyped() : this.nextUntyped();
  }

  private nextUntyped(): FrontendFrame | undefined {
    if (this.buffered.length < 8) return undefined;
    const length = this.buffered.readInt32BE(0);
    if (this.buffered.length < length) return undefined;
    const code = this.buffered.readInt32BE(4);
    const bytes = this.take(length);
    if (code === SSL_REQUEST_CODE) return { kind: 'ssl-request' };
    if (code === GSS_REQUEST_CODE) return { kind: 'gss-request' };
    if (code === CANCEL_REQUEST_CODE) return { kind: 'cancel-request' };
    this.started = true;
    return { kind: 'startup', bytes };
  }

  private nextTyped(): FrontendFrame | undefined {
    if (this.buffered.length < 5) return undefined;
    const length = 1 + this.buffered.readInt32BE(1);
    if (this.buffered.length < length) return undefined;
    const type = String.fromCharCode(this.buffered[0]!);
    return { kind: 'message', type, bytes: this.take(length) };
  }

  private take(length: number): Buffer {
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return bytes;
  }
}
