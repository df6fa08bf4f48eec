import { context } from '@opentelemetry/api';
import { BatchHandler, DecodedBatch, DecodedMessage } from './event-consumer';

/**
 * A batch handler that calls `handle` for each message in order, each inside its own producer's
 * trace context: for consumers that act per event (commands) rather than per batch (inserts).
 * A throw fails the batch as usual; records already handled are redelivered with it.
 */
export function forEachMessage<T>(handle: (message: DecodedMessage<T>, batch: DecodedBatch<T>) => Promise<void>): BatchHandler<T> {
  return async (batch) => {
    for (const message of batch.messages) {
      await context.with(message.traceContext, () => handle(message, batch));
    }
  };
}
