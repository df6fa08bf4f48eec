import { Context } from '@opentelemetry/api';
import { DecodedMessage } from '../contract/event-consumer';
import { EventHeaders } from '../contract/event-producer';
import { ConsumedRecord, headersAsText } from './records';
import { extractTraceContext } from './trace-headers';

/**
 * A decoded message over its raw record. Key, headers and trace context are prototype getters
 * worked out on first use: turning a small Buffer into a string costs more than the rest of the
 * consume path together, and many handlers never read them. Read them by name: an object spread
 * does not copy getters.
 */
export class DecodedRecordMessage<T> implements DecodedMessage<T> {
  private textKey?: string | null;
  private textHeaders?: EventHeaders;
  private context?: Context;

  constructor(
    readonly value: T,
    readonly record: ConsumedRecord,
  ) {}

  get key(): string | null {
    if (this.textKey === undefined) this.textKey = this.record.key === null ? null : this.record.key.toString('utf8');
    return this.textKey;
  }

  get offset(): string {
    return this.record.offset;
  }

  get timestamp(): number {
    return Number(this.record.timestamp);
  }

  get headers(): EventHeaders {
    return (this.textHeaders ??= headersAsText(this.record.headers));
  }

  get traceContext(): Context {
    return (this.context ??= extractTraceContext(this.record.headers));
  }
}
