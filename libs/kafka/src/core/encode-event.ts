import { CONTENT_TYPE_HEADER, ContentType } from '../contract/headers';
import { RawRecord, SendOptions } from '../contract/event-producer';
import { EventTopic } from '../contract/event-topic';
import { asBuffer, OutgoingRecord, RecordHeaders } from './records';
import { injectTraceHeaders } from './trace-headers';

/**
 * Encodes one message for `topic`: binary protobuf value, key from the options or the topic's
 * `keyOf`, caller headers plus `content-type` and the active trace context. Encoding happens once,
 * here, whichever bus carries the record.
 */
export function encodeEvent<T>(topic: EventTopic<T>, value: T, options: SendOptions = {}): OutgoingRecord {
  // A literal for the common no-extra-headers case: this runs once per message on the hot path.
  const headers: RecordHeaders = options.headers ? { ...options.headers, [CONTENT_TYPE_HEADER]: ContentType.Protobuf } : { 'content-type': ContentType.Protobuf };
  injectTraceHeaders(headers);
  const key = options.key !== undefined ? options.key : topic.keyOf ? topic.keyOf(value) : null;
  return { key, value: asBuffer(topic.codec.encode(value)), headers };
}

/** A RawRecord as an outgoing record, bytes untouched. */
export function rawToOutgoing(record: RawRecord): OutgoingRecord {
  const headers: RecordHeaders = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    headers[name] = typeof value === 'string' ? value : asBuffer(value);
  }
  const key = record.key === undefined || record.key === null || typeof record.key === 'string' ? (record.key ?? null) : asBuffer(record.key);
  return { key, value: record.value === null ? null : asBuffer(record.value), headers };
}
