import { ConsumerOptions, FetchTuning } from '../contract/event-consumer';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from '../contract/retry-policy';

/** ConsumerOptions with defaults applied and every value checked. */
export interface ConsumerSettings {
  readonly groupId: string;
  readonly startFrom: 'earliest' | 'latest';
  readonly retry: RetryPolicy;
  readonly maxBatchSize: number;
  readonly awaitCommits: boolean;
  readonly fetch: FetchTuning;
  readonly concurrency?: number;
}

export const DEFAULT_MAX_BATCH_SIZE = 1_000;

/** @throws Error listing every invalid option by name. */
export function resolveConsumerSettings(options: ConsumerOptions): ConsumerSettings {
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const settings: ConsumerSettings = {
    groupId: options.groupId,
    startFrom: options.startFrom ?? 'earliest',
    retry,
    maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
    awaitCommits: options.awaitCommits ?? false,
    fetch: { ...options.fetch },
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
  };
  const problems = [
    typeof settings.groupId !== 'string' || settings.groupId.trim() === '' ? `groupId must be a non-empty string, got ${JSON.stringify(settings.groupId)}` : undefined,
    settings.startFrom !== 'earliest' && settings.startFrom !== 'latest' ? `startFrom must be "earliest" or "latest", got ${JSON.stringify(settings.startFrom)}` : undefined,
    checkCount('retry.retries', retry.retries, 0),
    checkCount('retry.initialBackoffMs', retry.initialBackoffMs, 0),
    checkCount('retry.maxBackoffMs', retry.maxBackoffMs, 0),
    checkCount('maxBatchSize', settings.maxBatchSize, 1),
    settings.concurrency === undefined ? undefined : checkCount('concurrency', settings.concurrency, 1),
    ...Object.entries(settings.fetch).map(([name, value]) => checkCount(`fetch.${name}`, value, 1)),
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) throw new Error(`invalid consumer options: ${problems.join('; ')}`);
  return settings;
}

/** A message naming `name` unless `value` is an integer of at least `min`. */
export function checkCount(name: string, value: unknown, min: number): string | undefined {
  return Number.isInteger(value) && (value as number) >= min ? undefined : `${name} must be an integer >= ${min}, got ${String(value)}`;
}
