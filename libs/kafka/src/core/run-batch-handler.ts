import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BatchHandler, BatchResult, DecodedBatch } from '../contract/event-consumer';

const tracer = trace.getTracer('@flywheel/kafka');

/** Who is processing: recorded on the span of each handler call. */
export interface ProcessingScope {
  /** `messaging.system` of the span: `kafka`, or the in-process bus's name. */
  readonly system: string;
  readonly groupId: string;
}

/**
 * Calls `handler` inside a CONSUMER span whose parent is the first message's producer context, so
 * the handler (and everything it calls) continues the trace that sent the batch. Without a tracer
 * SDK the span is a no-op carrying that context. Other messages' contexts are on each message.
 */
export function runBatchHandler<T>(handler: BatchHandler<T>, batch: DecodedBatch<T>, scope: ProcessingScope): Promise<void | BatchResult> {
  const parent = batch.messages[0]?.traceContext ?? ROOT_CONTEXT;
  const attributes = {
    'messaging.system': scope.system,
    'messaging.operation.type': 'process',
    'messaging.destination.name': batch.topic,
    'messaging.destination.partition.id': String(batch.partition),
    'messaging.consumer.group.name': scope.groupId,
    'messaging.batch.message_count': batch.messages.length,
  };
  return tracer.startActiveSpan(`process ${batch.topic}`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await handler(batch);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
