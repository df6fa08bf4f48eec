import { setTimeout as sleep } from 'node:timers/promises';
import { IngestionStoppingError, isDataError } from './insert-errors';

export interface RetryUntilStoredOptions {
  /** Aborted when the service stops. */
  signal: AbortSignal;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  onRetry(error: unknown, attempt: number, pauseMs: number): void;
}

/**
 * Runs `write` until it succeeds: while ClickHouse is slow or down the partition's handler waits
 * here (the consumer fetches nothing more for it and commits nothing), then resumes where it
 * stopped. Nothing is dropped. Data errors are rethrown at once; a stop throws IngestionStoppingError.
 */
export async function retryUntilStored<T>(write: () => Promise<T>, options: RetryUntilStoredOptions): Promise<T> {
  const initial = options.initialBackoffMs ?? 100;
  const max = options.maxBackoffMs ?? 5_000;
  for (let attempt = 1; ; attempt++) {
    if (options.signal.aborted) throw new IngestionStoppingError();
    try {
      return await write();
    } catch (error) {
      if (isDataError(error)) throw error;
      const pauseMs = Math.min(max, initial * 2 ** (attempt - 1));
      options.onRetry(error, attempt, pauseMs);
      try {
        await sleep(pauseMs, undefined, { signal: options.signal });
      } catch {
        throw new IngestionStoppingError();
      }
    }
  }
}
