import { MessageCodec } from '@flywheel/contracts';
import { CONTENT_TYPE_HEADER, ContentType } from '../contract/headers';
import { ConsumedRecord, headerText } from './records';

const PROTOBUF_BYTES = Buffer.from(ContentType.Protobuf);

/** A record whose value cannot be decoded; the message is the reason recorded in the DLQ. */
export class RecordDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecordDecodeError';
  }
}

/**
 * Decodes a record's value by its `content-type`: binary protobuf when the header says so or is
 * missing, the proto3 JSON mapping for `application/json`.
 * @throws RecordDecodeError for a missing value, an unknown content type or bytes the codec rejects.
 */
export function decodeRecordValue<T>(codec: MessageCodec<T>, record: ConsumedRecord): T {
  const header = record.headers?.[CONTENT_TYPE_HEADER];
  const contentType = Buffer.isBuffer(header) && isProtobufContentType(header) ? ContentType.Protobuf : mediaType(headerText(header));
  if (record.value === null) throw new RecordDecodeError(`record has no value (tombstone); expected ${codec.typeName}`);
  try {
    if (contentType === undefined || contentType === ContentType.Protobuf) return codec.decode(record.value);
    if (contentType === ContentType.Json) return codec.fromJSON(JSON.parse(record.value.toString('utf8')));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new RecordDecodeError(`cannot decode ${contentType ?? ContentType.Protobuf} value as ${codec.typeName}: ${detail}`, { cause: error });
  }
  throw new RecordDecodeError(`unsupported content-type "${contentType}"; expected ${ContentType.Protobuf} or ${ContentType.Json}`);
}

/**
 * The fast path for what our producers write, once per consumed record: a byte loop, because
 * decoding the header to a string or Buffer.equals (a native call) costs several times more.
 */
function isProtobufContentType(header: Buffer): boolean {
  if (header.length !== PROTOBUF_BYTES.length) return false;
  for (let i = 0; i < header.length; i++) if (header[i] !== PROTOBUF_BYTES[i]) return false;
  return true;
}

/** `application/json; charset=utf-8` -> `application/json`. */
function mediaType(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const semicolon = header.indexOf(';');
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}
