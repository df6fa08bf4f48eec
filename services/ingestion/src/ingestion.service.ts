import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import { InProcessEventBus, withDeadLetterTopics, type EventBus } from '@flywheel/kafka';
import { CLICKHOUSE, EVENT_BUS } from '@flywheel/platform';
import { createLogger } from '@flywheel/telemetry';
import { IngestionConsumer } from './consume/ingestion-consumer';
import { INGESTION_OPTIONS, type IngestionOptions } from './ingestion-options';
import { IngestionMetrics } from './metrics/ingestion-metrics';
import { applyClickHouseSchema } from './schema/apply-clickhouse-schema';
import { FeatureSchemaCache } from './validation/feature-schema-cache';
import { RegistryFeatureSchemas } from './validation/registry-feature-schemas';
import { INGESTION_PLATFORM, type IngestionPlatform } from './ingestion-platform';

const JOIN_RETRY_MS = 2_000;

/**
 * Runs ingestion in a Nest app: applies the ClickHouse schema before the app starts (a schema
 * that cannot be applied fails start-up), then joins the consumer group in the background,
 * retrying until the brokers answer, so readiness (not start-up) reports a missing broker.
 */
@Injectable()
export class IngestionService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('ingestion');
  private consumer?: IngestionConsumer;
  private registry?: RegistryFeatureSchemas;
  private schemaApplied = false;
  private joined = false;
  private lastJoinError?: string;
  private stopped = false;
  private joining?: Promise<void>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLICKHOUSE) readonly clickhouse: ClickHouseClient,
    @Inject(INGESTION_OPTIONS) private readonly options: IngestionOptions,
    @Inject(INGESTION_PLATFORM) private readonly platform: IngestionPlatform,
    private readonly metrics: IngestionMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const report = await applyClickHouseSchema(this.clickhouse, this.options.database, this.options.retentionDays);
    this.schemaApplied = true;
    this.logger.info({ database: this.options.database, applied: report.applied }, 'ClickHouse schema up to date');
  }

  async onApplicationBootstrap(): Promise<void> {
    // Standalone: no deployment creates topics on the in-process bus, so the consumer of them does.
    if (this.bus instanceof InProcessEventBus) await this.bus.ensureTopics(withDeadLetterTopics([this.options.topics.logs, this.options.topics.feedback]), 1);
    const { registryAddress } = this.options;
    this.registry = registryAddress === undefined ? undefined : new RegistryFeatureSchemas(registryAddress, this.platform);
    this.joining = this.joinUntilStopped(this.registry && new FeatureSchemaCache(this.registry, this.options.schemaCacheMs));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer?.close();
    await this.joining;
    this.registry?.close();
  }

  /** What readiness needs: schema applied, group joined (or why not). */
  state(): { schemaApplied: boolean; joined: boolean; joinError?: string } {
    return { schemaApplied: this.schemaApplied, joined: this.joined && !this.stopped, ...(this.lastJoinError !== undefined && { joinError: this.lastJoinError }) };
  }

  /** A consumer that failed to start is closed by the bus, so each attempt builds a new one. */
  private async joinUntilStopped(schemas: FeatureSchemaCache | undefined): Promise<void> {
    while (!this.stopped) {
      const consumer = new IngestionConsumer({ bus: this.bus, client: this.clickhouse, options: this.options, metrics: this.metrics, logger: this.logger, ...(schemas && { schemas }) });
      this.consumer = consumer;
      try {
        await consumer.start();
        this.joined = true;
        this.lastJoinError = undefined;
        this.logger.info({ topics: this.options.topics, groupId: this.options.groupId }, 'ingestion consumer joined its group');
        return;
      } catch (error) {
        this.lastJoinError = error instanceof Error ? error.message : String(error);
        if (this.stopped) return;
        this.logger.warn({ err: error }, 'ingestion consumer could not join its group; retrying');
        await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS));
      }
    }
  }
}
