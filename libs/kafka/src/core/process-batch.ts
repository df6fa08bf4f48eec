import { dlqTopic } from '@flywheel/contracts';
import { BatchHandler, BatchResult, DecodedBatch } from '../contract/event-consumer';
import { EventTopic } from '../contract/event-topic';
import { BusLogger } from '../contract/logger';
import { RetryPolicy } from '../contract/retry-policy';
import { abortableSleep } from './abortable-sleep';
import { deadLetterRecord, DeadLetterSource } from './dead-letter-record';
import { decodeBatch } from './decode-batch';
import { DecodedRecordMessage } from './decoded-record-message';
import { errorText } from './error-text';
import { ConsumedRecord, OutgoingRecord } from './records';
import { ProcessingScope, runBatchHandler } from './run-batch-handler';
import { Heartbeat, withHeartbeats } from './with-heartbeats';

/** A topic's codec and handler, as registered with `subscribe`. */
export interface Subscription<T> {
  readonly topic: EventTopic<T>;
  readonly handler: BatchHandler<T>;
}

/** What both buses give the shared batch pipeline. */
export interface BatchProcessingDeps {
  readonly scope: ProcessingScope;
  readonly retry: RetryPolicy;
  readonly logger: BusLogger;
  /** Aborted when the consumer closes: stop retrying and leave the batch uncommitted. */
  readonly signal: AbortSignal;
  readonly heartbeat?: Heartbeat;
  /** Kafka: the partition's high watermark at fetch time, passed on to the handler. */
  readonly highWatermark?: string;
  /** Sends records to a DLQ topic; resolves once they are acknowledged. */
  sendDeadLetters(topic: string, records: OutgoingRecord[]): Promise<void>;
}

/** `completed`: every record was handled or dead-lettered, commit. `abandoned`: commit nothing. */
export type BatchOutcome = 'completed' | 'abandoned';

/**
 * The pipeline both buses run for consecutive records of one partition: decode (undecodable
 * records go to the DLQ and never reach the handler), call the handler with retries and backoff,
 * then, if it still fails, call it once per record and dead-letter the records that fail alone.
 * Nothing here commits: the caller commits after `completed`, so a crash at any point means
 * redelivery, never loss.
 */
export async function processBatch<T>(
  subscription: Subscription<T>,
  partition: number,
  records: readonly ConsumedRecord[],
  deps: BatchProcessingDeps,
): Promise<BatchOutcome> {
  const topic = subscription.topic.name;
  const source: DeadLetterSource = { topic, partition, groupId: deps.scope.groupId };
  const { messages, rejected, deadLetters } = decodeBatch(subscription.topic.codec, records, source);
  if (deadLetters.length > 0) {
    deps.logger.warn('dead-lettering undecodable records', { topic, partition, offsets: rejected.map((r) => r.offset) });
    await deps.sendDeadLetters(dlqTopic(topic), deadLetters);
  }
  if (messages.length === 0) return 'completed';

  const { highWatermark } = deps;
  const batch: RecordBatch<T> = { topic, partition, messages, rejected, attempt: 1, ...(highWatermark !== undefined && { highWatermark }) };
  return withHeartbeats(deps.heartbeat, deps.logger, async () => {
    const result = await handleWithRetries(subscription.handler, batch, deps);
    switch (result.status) {
      case 'succeeded':
        await deadLetterRejections(batch, result.value, source, deps);
        return 'completed';
      case 'abandoned':
        return 'abandoned';
      case 'failed':
        return isolateFailures(subscription.handler, batch, result.error, source, deps);
    }
  });
}

/** A batch whose messages still know their raw records, so failures can be dead-lettered as consumed. */
interface RecordBatch<T> extends DecodedBatch<T> {
  readonly messages: readonly DecodedRecordMessage<T>[];
}

type RetryResult = { status: 'succeeded'; value: void | BatchResult } | { status: 'abandoned' } | { status: 'failed'; error: unknown };

/** Runs the handler until it succeeds, the retries run out or the consumer closes. */
async function handleWithRetries<T>(handler: BatchHandler<T>, batch: RecordBatch<T>, deps: BatchProcessingDeps): Promise<RetryResult> {
  const attempts = deps.retry.retries + 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await runBatchHandler(handler, attempt === 1 ? batch : { ...batch, attempt }, deps.scope);
      return { status: 'succeeded', value };
    } catch (error) {
      if (attempt >= attempts) return { status: 'failed', error };
      const firstOffset = batch.messages[0]?.offset;
      deps.logger.warn('batch handler failed; retrying', { topic: batch.topic, partition: batch.partition, firstOffset, attempt, error: errorText(error) });
      const pauseMs = Math.min(deps.retry.maxBackoffMs, deps.retry.initialBackoffMs * 2 ** (attempt - 1));
      if (!(await abortableSleep(pauseMs, deps.signal))) return { status: 'abandoned' };
    }
  }
}

/** Dead-letters the records a handler refused in its `BatchResult`, as consumed, with its reasons. */
async function deadLetterRejections<T>(batch: RecordBatch<T>, result: void | BatchResult, source: DeadLetterSource, deps: BatchProcessingDeps): Promise<void> {
  const rejections = result?.deadLetters ?? [];
  if (rejections.length === 0) return;
  const byOffset = new Map(batch.messages.map((message) => [message.offset, message]));
  const records = rejections.map(({ offset, reason }) => {
    const message = byOffset.get(offset);
    if (!message) throw new Error(`handler rejected offset ${offset}, which is not in the batch of ${source.topic}/${source.partition}`);
    return deadLetterRecord(message.record, source, reason);
  });
  deps.logger.warn('dead-lettering records the handler refused', { topic: source.topic, partition: source.partition, count: records.length });
  await deps.sendDeadLetters(dlqTopic(source.topic), records);
}

/**
 * After the batch kept failing: one call per record, dead-lettering each record that still fails,
 * so one bad record does not take its batch-mates to the DLQ with it.
 */
async function isolateFailures<T>(
  handler: BatchHandler<T>,
  batch: RecordBatch<T>,
  batchError: unknown,
  source: DeadLetterSource,
  deps: BatchProcessingDeps,
): Promise<BatchOutcome> {
  const attempts = deps.retry.retries + 1;
  const failed: OutgoingRecord[] = [];
  const [only] = batch.messages;
  if (batch.messages.length === 1 && only) {
    failed.push(deadLetterRecord(only.record, source, `handler failed ${attempts} times: ${errorText(batchError)}`));
  } else {
    for (const message of batch.messages) {
      if (deps.signal.aborted) return 'abandoned';
      try {
        const result = await runBatchHandler(handler, { ...batch, messages: [message], rejected: [], attempt: attempts + 1 }, deps.scope);
        const refused = result?.deadLetters?.find((rejection) => rejection.offset === message.offset);
        if (refused) failed.push(deadLetterRecord(message.record, source, refused.reason));
      } catch (error) {
        const reason = `handler failed on this record alone after its batch failed ${attempts} times: ${errorText(error)}`;
        failed.push(deadLetterRecord(message.record, source, reason));
      }
    }
  }
  if (failed.length > 0) {
    deps.logger.warn('dead-lettering records the handler keeps failing on', { topic: source.topic, partition: source.partition, count: failed.length });
    await deps.sendDeadLetters(dlqTopic(source.topic), failed);
  }
  return 'completed';
}
