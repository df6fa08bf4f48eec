import { invalidArgument } from '../tracking-error';
import type { RunDataBatch } from './run-data';

/** MLflow's log-batch limits. */
export const LOG_BATCH_LIMITS = Object.freeze({
  metrics: 1000,
  params: 100,
  tags: 100,
  entities: 1000,
  /** Bytes of the JSON request body. */
  requestBytes: 1_000_000,
});

/** Rejects a batch over MLflow's per-kind and total counts, with MLflow's message. */
export function checkBatchLimits(batch: RunDataBatch): void {
  checkCount('metrics', LOG_BATCH_LIMITS.metrics, batch.metrics.length);
  checkCount('params', LOG_BATCH_LIMITS.params, batch.params.length);
  checkCount('tags', LOG_BATCH_LIMITS.tags, batch.tags.length);
  const total = batch.metrics.length + batch.params.length + batch.tags.length;
  checkCount('metrics, params, and tags', LOG_BATCH_LIMITS.entities, total);
}

/** Rejects a log-batch request body larger than MLflow accepts. */
export function checkBatchRequestSize(bytes: number): void {
  if (bytes > LOG_BATCH_LIMITS.requestBytes) {
    throw invalidArgument(
      `Batched logging API requests must be at most ${LOG_BATCH_LIMITS.requestBytes} bytes, got a request of size ${bytes}.`,
    );
  }
}

function checkCount(what: string, limit: number, count: number): void {
  if (count > limit) {
    throw invalidArgument(
      `A batch logging request can contain at most ${limit} ${what}. Got ${count} ${what}. Please split up ${what} across multiple requests and try again.`,
    );
  }
}
