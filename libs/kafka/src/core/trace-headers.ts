import { Context, context, propagation, ROOT_CONTEXT, TextMapGetter, TextMapSetter } from '@opentelemetry/api';
import { headerText, RecordHeaders } from './records';

const setter: TextMapSetter<RecordHeaders> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<RecordHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => headerText(carrier[key]),
};

/**
 * Writes the active trace context into `headers` (W3C `traceparent`/`tracestate` with the
 * propagator the telemetry setup registered), so a consumer continues the producer's trace.
 */
export function injectTraceHeaders(headers: RecordHeaders, from: Context = context.active()): void {
  propagation.inject(from, headers, setter);
}

/** The producer's trace context carried by a record, or the root context when it has none. */
export function extractTraceContext(headers: RecordHeaders | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, getter) : ROOT_CONTEXT;
}
