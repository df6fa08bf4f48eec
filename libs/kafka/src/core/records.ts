/**
 * Header values as Kafka carries them: bytes or text, an array when a name repeats. The same shape
 * as kafkajs's IHeaders, so consumed records reach the DLQ without being copied or re-encoded.
 */
export type RecordHeaders = { [name: string]: Buffer | string | (Buffer | string)[] | undefined };

/** A record read from a partition, still encoded. Structurally a kafkajs KafkaMessage. */
export interface ConsumedRecord {
  readonly offset: string;
  /** Epoch milliseconds, in decimal. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: RecordHeaders;
}

/** An encoded record on its way to a partition. Structurally a kafkajs Message. */
export interface OutgoingRecord {
  key: Buffer | string | null;
  value: Buffer | null;
  headers: RecordHeaders;
}

/** A Buffer view of `bytes` (no copy): kafkajs and Node's APIs want Buffers. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A header value as text; the last one when the name repeats. */
export function headerText(value: RecordHeaders[string]): string | undefined {
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' || last === undefined ? last : last.toString('utf8');
}

/** Every header as text. */
export function headersAsText(headers: RecordHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  if (!headers) return text;
  for (const name of Object.keys(headers)) {
    const value = headerText(headers[name]);
    if (value !== undefined) text[name] = value;
  }
  return text;
}
