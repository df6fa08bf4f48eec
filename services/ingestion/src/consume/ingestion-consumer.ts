import type { Logger } from 'pino';
import { insertsRowBinary, type ClickHouseClient } from '@flywheel/clickhouse';
import { Topic, codecForTopic } from '@flywheel/contracts';
import { defineTopic, type EventBus, type EventConsumer } from '@flywheel/kafka';
import { PartitionProgress } from '../exactly-once/partition-progress';
import { RangeJournal } from '../exactly-once/range-journal';
import type { IngestionOptions } from '../ingestion-options';
import type { IngestionMetrics } from '../metrics/ingestion-metrics';
import type { FeatureSchemaCache } from '../validation/feature-schema-cache';
import { BatchIngestor, type BatchIngestorDeps } from './batch-ingestor';
import { FeedbackTarget } from './feedback-target';
import { InferenceLogTarget } from './inference-log-target';
import { ingestedLogCodec, type IngestedLog } from '../wire-log/wire-log-codec';

export interface IngestionConsumerDeps {
  bus: EventBus;
  client: ClickHouseClient;
  options: IngestionOptions;
  metrics: IngestionMetrics;
  logger: Logger;
  schemas?: FeatureSchemaCache;
}

/**
 * The consumer group member that feeds ClickHouse from the inference-log and feedback topics:
 * batches of up to `maxBatchRows` (a fetch waits up to `flushIntervalMs` for `fetchMinBytes`),
 * offsets committed, and acknowledged, only after ClickHouse acknowledged the inserts.
 */
export class IngestionConsumer {
  private readonly stopping = new AbortController();
  private readonly consumer: EventConsumer;

  constructor(deps: IngestionConsumerDeps) {
    const { options } = deps;
    this.consumer = deps.bus.createConsumer({
      groupId: options.groupId,
      maxBatchSize: options.maxBatchRows,
      awaitCommits: true,
      fetch: {
        minBytes: options.fetchMinBytes,
        maxWaitTimeMs: options.flushIntervalMs,
        maxBytesPerPartition: 16 * 1024 * 1024,
        maxBytes: 64 * 1024 * 1024,
      },
      concurrency: options.concurrency,
      // ClickHouse outages are waited out inside the handler; what still fails is the data itself.
      retry: { retries: 1 },
    });
    const ingestorDeps: BatchIngestorDeps = {
      client: deps.client,
      database: options.database,
      journal: new RangeJournal(deps.client, options.database),
      progress: new PartitionProgress(),
      metrics: deps.metrics,
      logger: deps.logger,
      signal: this.stopping.signal,
      assignment: () => this.consumer.assignment(),
    };
    // Logs stay bytes until RowBinary only where inserts are RowBinary (chDB); a server gets JSON rows.
    const logCodec = insertsRowBinary(deps.client) ? ingestedLogCodec : codecForTopic(Topic.InferenceLogs);
    const logs = defineTopic<IngestedLog>(options.topics.logs, logCodec);
    const feedback = defineTopic(options.topics.feedback, codecForTopic(Topic.InferenceFeedback));
    this.consumer.subscribe(
      logs,
      new BatchIngestor(new InferenceLogTarget(deps.schemas, deps.metrics, deps.logger), ingestorDeps).handle,
    );
    this.consumer.subscribe(feedback, new BatchIngestor(new FeedbackTarget(), ingestorDeps).handle);
  }

  /** Joins the group; resolves once partitions are assigned. */
  start(): Promise<void> {
    return this.consumer.start();
  }

  /** Partitions assigned right now (empty before the join and after close). */
  assignment(): ReturnType<EventConsumer['assignment']> {
    return this.consumer.assignment();
  }

  /** Stops waiting for ClickHouse, lets the in-flight batch finish (or leaves it uncommitted), leaves the group. */
  async close(): Promise<void> {
    this.stopping.abort();
    await this.consumer.close();
  }
}
