import { EventProducer, OutgoingEvent, RawRecord, SendOptions } from '../contract/event-producer';
import { EventTopic } from '../contract/event-topic';
import { encodeEvent, rawToOutgoing } from '../core/encode-event';
import { OutgoingRecord } from '../core/records';
import { RecordAppender } from './record-appender';

/** EventProducer of the in-process bus: a send is acknowledged once the record is in its partition. */
export class InProcessEventProducer implements EventProducer {
  private closed = false;

  constructor(
    private readonly appender: RecordAppender,
    private readonly onClose: (producer: InProcessEventProducer) => void,
  ) {}

  send<T>(topic: EventTopic<T>, value: T, options?: SendOptions): Promise<void> {
    return this.append(topic.name, () => [encodeEvent(topic, value, options)]);
  }

  sendMany<T>(topic: EventTopic<T>, events: readonly OutgoingEvent<T>[]): Promise<void> {
    return this.append(topic.name, () => events.map((event) => encodeEvent(topic, event.value, event)));
  }

  sendRaw(topic: string, records: readonly RawRecord[]): Promise<void> {
    return this.append(topic, () => records.map(rawToOutgoing));
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    this.onClose(this);
    return Promise.resolve();
  }

  private append(topic: string, encode: () => OutgoingRecord[]): Promise<void> {
    try {
      if (this.closed) throw new Error(`producer is closed; cannot send to ${topic}`);
      this.appender.append(topic, encode());
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
