import { Message, Producer } from 'kafkajs';
import { EventProducer, OutgoingEvent, RawRecord, SendOptions } from '../contract/event-producer';
import { EventTopic } from '../contract/event-topic';
import { BusLogger } from '../contract/logger';
import { encodeEvent, rawToOutgoing } from '../core/encode-event';
import { errorText } from '../core/error-text';
import { OutgoingRecord } from '../core/records';
import { KafkaProducerSettings } from './kafka-options';
import { RecordBatcher } from './record-batcher';

// Per-record framing plus our usual headers (content-type, traceparent): an over-estimate, so a
// full request stays under maxBatchBytes.
const RECORD_OVERHEAD_BYTES = 128;

/**
 * EventProducer over a kafkajs producer: encodes each message once, batches sends (RecordBatcher)
 * into `sendBatch` requests with acks from all in-sync replicas, connects on first use.
 */
export class KafkaEventProducer implements EventProducer {
  private readonly batcher: RecordBatcher<Message>;
  private connection?: Promise<void>;
  private closing?: Promise<void>;

  constructor(
    private readonly producer: Producer,
    settings: KafkaProducerSettings,
    logger: BusLogger,
    private readonly onClose: (producer: KafkaEventProducer) => void = () => undefined,
  ) {
    this.batcher = new RecordBatcher(settings, (byTopic) => this.deliver(byTopic), logger);
  }

  send<T>(topic: EventTopic<T>, value: T, options?: SendOptions): Promise<void> {
    let record: OutgoingRecord;
    try {
      record = encodeEvent(topic, value, options);
    } catch (error) {
      return Promise.reject(asError(error));
    }
    return this.add(topic.name, record);
  }

  sendMany<T>(topic: EventTopic<T>, events: readonly OutgoingEvent<T>[]): Promise<void> {
    try {
      return this.sendRecords(topic.name, events.map((event) => encodeEvent(topic, event.value, event)));
    } catch (error) {
      return Promise.reject(asError(error));
    }
  }

  sendRaw(topic: string, records: readonly RawRecord[]): Promise<void> {
    return this.sendRecords(topic, records.map(rawToOutgoing));
  }

  /** Sends already-encoded records (the consumer's DLQ copies). */
  async sendRecords(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    const chunks = new Set<Promise<void>>();
    for (const record of records) chunks.add(this.add(topic, record));
    await Promise.all(chunks);
  }

  flush(): Promise<void> {
    return this.batcher.flush();
  }

  close(): Promise<void> {
    return (this.closing ??= this.drainAndDisconnect());
  }

  private async drainAndDisconnect(): Promise<void> {
    try {
      await this.batcher.flush();
    } finally {
      if (this.connection) await this.producer.disconnect();
      this.onClose(this);
    }
  }

  private add(topic: string, record: OutgoingRecord): Promise<void> {
    if (this.closing) return Promise.reject(new Error(`producer is closed; cannot send to ${topic}`));
    const keyBytes = record.key === null ? 0 : record.key.length;
    return this.batcher.add(topic, record, (record.value?.length ?? 0) + keyBytes + RECORD_OVERHEAD_BYTES);
  }

  private async deliver(byTopic: Map<string, Message[]>): Promise<void> {
    await (this.connection ??= this.producer.connect().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    }));
    try {
      await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    } catch (error) {
      // kafkajs errors do not say which topic; with several in one request the caller cannot tell.
      throw new Error(`sending to ${[...byTopic.keys()].join(', ')} failed: ${errorText(error)}`, { cause: error });
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
