import { EventTopic } from './event-topic';

/** Application headers of a record, as text. */
export type EventHeaders = Readonly<Record<string, string>>;

export interface SendOptions {
  /** Record key; defaults to the topic's `keyOf(message)`, else no key (round-robin partition). */
  key?: string | null;
  /** Extra headers. `content-type` and the W3C trace headers are set by the producer. */
  headers?: EventHeaders;
}

/** One message of a `sendMany` call. */
export interface OutgoingEvent<T> extends SendOptions {
  value: T;
}

/**
 * A record exactly as it should land, bytes and headers untouched: for replaying dead letters,
 * relaying external payloads and producing test fixtures (JSON payloads, poison bytes).
 */
export interface RawRecord {
  key?: string | Uint8Array | null;
  value: Uint8Array | null;
  headers?: Readonly<Record<string, string | Uint8Array>>;
}

/**
 * Sends typed messages. Every send resolves once the bus has acknowledged the record (for Kafka:
 * written to all in-sync replicas) and rejects if it could not be delivered. Sends to one
 * partition land in call order.
 */
export interface EventProducer {
  /** Encodes `value` with the topic's codec (binary protobuf) and sends it. */
  send<T>(topic: EventTopic<T>, value: T, options?: SendOptions): Promise<void>;
  /** Sends several messages; resolves once all are acknowledged. */
  sendMany<T>(topic: EventTopic<T>, events: readonly OutgoingEvent<T>[]): Promise<void>;
  /** Sends records as given, without encoding or added headers. */
  sendRaw(topic: string, records: readonly RawRecord[]): Promise<void>;
  /** Resolves once everything sent so far is acknowledged; rejects if any of it failed. */
  flush(): Promise<void>;
  /** Refuses further sends, delivers what is buffered, then releases connections. */
  close(): Promise<void>;
}
