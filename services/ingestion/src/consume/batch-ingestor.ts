import type { Logger } from 'pino';
import { insertRows, type ClickHouseClient, type RowBinaryFormat } from '@flywheel/clickhouse';
import type { BatchResult, DecodedBatch, DecodedMessage, HandlerRejection } from '@flywheel/kafka';
import { dedupToken, type OffsetRange } from '../exactly-once/offset-range';
import type { PartitionProgress } from '../exactly-once/partition-progress';
import { planSegments } from '../exactly-once/plan-segments';
import type { RangeJournal } from '../exactly-once/range-journal';
import type { IngestionMetrics } from '../metrics/ingestion-metrics';
import { retryUntilStored } from '../sink/retry-until-stored';

/** A message as the target judged it: its row, or why it cannot be stored. */
export type Mapped<R> = { row: R } | { reason: string };

/** Where one topic's messages go: a table, its columns, and how a batch becomes rows. */
export interface IngestTarget<T, R> {
  readonly table: string;
  readonly columns: readonly string[];
  map(messages: readonly DecodedMessage<T>[], topic: string): Promise<Mapped<R>[]>;
  /** The rows as RowBinary, for the engine in this process (see insertRows). */
  readonly rowBinary?: RowBinaryFormat<R>;
}

export interface BatchIngestorDeps {
  readonly client: ClickHouseClient;
  readonly database: string;
  readonly journal: RangeJournal;
  readonly progress: PartitionProgress;
  readonly metrics: IngestionMetrics;
  readonly logger: Logger;
  /** Aborted when the service stops: waits for ClickHouse end, the batch stays uncommitted. */
  readonly signal: AbortSignal;
  /** The consumer's current assignment; a new object after every rebalance. */
  assignment(): unknown;
}

/**
 * The batch handler of one topic: maps the batch to rows (invalid messages are returned as dead
 * letters), cuts it where a previous owner's unacknowledged insert ended, records each new range
 * in the journal, then inserts each range with its `topic:partition:first-last` token, waiting
 * out ClickHouse outages. Resolving lets the consumer commit: only after every insert is acknowledged.
 */
export class BatchIngestor<T, R extends object> {
  constructor(
    private readonly target: IngestTarget<T, R>,
    private readonly deps: BatchIngestorDeps,
  ) {}

  readonly handle = async (batch: DecodedBatch<T>): Promise<BatchResult> => {
    const { topic, partition, messages } = batch;
    const offsets = messages.map((message) => message.offset);
    const assignment = this.deps.assignment();
    const plan = planSegments(
      offsets,
      await this.recordedAt(topic, partition, offsets[0] ?? '0', assignment),
    );
    if (plan.recut)
      this.deps.logger.warn(
        { topic, partition, first: offsets[0] },
        'recorded insert range reaches past this batch; inserting it under a new token',
      );
    const mapped = await this.target.map(messages, topic);
    const deadLetters: HandlerRejection[] = [];
    mapped.forEach((outcome, index) => {
      if ('reason' in outcome) deadLetters.push({ offset: offsets[index] ?? '', reason: outcome.reason });
    });
    for (const segment of plan.segments) {
      const rows = rowsOf(mapped, segment.from, segment.to);
      if (rows.length === 0) continue;
      if (!segment.replay) {
        await this.retrying('ingest_ranges', () => this.deps.journal.record(topic, partition, segment.range));
        this.deps.progress.recorded(topic, partition, segment.range, assignment);
      }
      await this.insert(rows, dedupToken(topic, partition, segment.range));
    }
    // Undecodable records (`rejected`) were dead-lettered by the bus before this call.
    this.deps.metrics.deadLettered(topic, deadLetters.length + batch.rejected.length);
    this.reportLag(batch);
    return { deadLetters };
  };

  /** The range recorded at `first`, asking the journal only when this process cannot know. */
  private async recordedAt(
    topic: string,
    partition: number,
    first: string,
    assignment: unknown,
  ): Promise<OffsetRange | undefined> {
    const known = this.deps.progress.at(topic, partition, first, assignment);
    switch (known.kind) {
      case 'continues':
        return undefined;
      case 'retry':
        return known.range;
      case 'unknown':
        return this.retrying('ingest_ranges', () => this.deps.journal.recordedAt(topic, partition, first));
    }
  }

  private async insert(rows: R[], token: string): Promise<void> {
    const { table, columns, rowBinary } = this.target;
    const started = performance.now();
    const options = { dedupToken: token, columns, ...(rowBinary && { rowBinary }) };
    await this.retrying(table, () =>
      insertRows(this.deps.client, `${this.deps.database}.${table}`, rows, options),
    );
    this.deps.metrics.stored(table, rows.length, performance.now() - started);
  }

  private retrying<V>(table: string, write: () => Promise<V>): Promise<V> {
    return retryUntilStored(write, {
      signal: this.deps.signal,
      onRetry: (error, attempt, pauseMs) => {
        this.deps.metrics.insertRetried(table);
        this.deps.logger.warn(
          { table, attempt, pauseMs, err: error },
          'ClickHouse write failed; consumption paused until it succeeds',
        );
      },
    });
  }

  private reportLag(batch: DecodedBatch<T>): void {
    const last = batch.messages[batch.messages.length - 1];
    if (!last) return;
    const records =
      batch.highWatermark === undefined
        ? undefined
        : Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(last.offset) - 1n));
    this.deps.metrics.caughtUp(batch.topic, batch.partition, {
      ...(records !== undefined && { records }),
      ms: Math.max(0, Date.now() - last.timestamp),
    });
  }
}

/** The rows among `mapped[from, to)` (a loop: this runs for every message of every batch). */
function rowsOf<R>(mapped: readonly Mapped<R>[], from: number, to: number): R[] {
  const rows: R[] = [];
  for (let i = from; i < to; i++) {
    const outcome = mapped[i]!;
    if ('row' in outcome) rows.push(outcome.row);
  }
  return rows;
}
