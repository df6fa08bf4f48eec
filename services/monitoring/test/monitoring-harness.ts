import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouseClient, createClickHouse, runClickHouseMigrations } from '@flywheel/clickhouse';
import { type DriftReport, type OrchestrationCommand, Topic } from '@flywheel/contracts';
import {
  type EventConsumer,
  KafkaEventBus,
  flywheelTopic,
  forEachMessage,
  silentLogger,
} from '@flywheel/kafka';
import { testStack, uniqueName } from '@flywheel/testing';
import { kafkaPublisher } from '../src/events/monitor-publisher';
import { MonitorScheduler } from '../src/monitor/monitor-scheduler';
import { MonitoringMetrics } from '../src/monitor/monitoring-metrics';
import { ReferenceResolver } from '../src/monitor/reference-resolver';
import { WindowProcessor } from '../src/monitor/window-processor';
import { MONITORING_MIGRATIONS_DIR } from '../src/monitoring.service';
import type { ModelMonitoringConfig, ModelMonitoringOverride } from '../src/settings/model-monitoring-config';

/** Ingestion owns inference_logs and feedback; tests create them with its migrations (contract 1). */
const INGESTION_MIGRATIONS_DIR = join(__dirname, '..', '..', 'ingestion', 'clickhouse');

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Monitoring wired as the service wires it (real chDB in a temp folder, real Kafka), with a clock
 * the test sets, and a consumer collecting what monitoring publishes for the test's models.
 */
export class MonitoringHarness {
  readonly database = uniqueName('monitoring');
  readonly reports: DriftReport[] = [];
  readonly commands: OrchestrationCommand[] = [];
  /** Errors the scheduler logged (a failed window is retried next tick); tests expect none. */
  readonly failures: unknown[] = [];
  nowMs = 0;
  client!: ClickHouseClient;
  private dir = '';
  private readonly bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
  private readonly producer = this.bus.createProducer();
  private consumer?: EventConsumer;

  constructor(private readonly models: ReadonlySet<string>) {}

  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'flywheel-monitoring-'));
    this.client = createClickHouse(`chdb://${this.dir}`);
    await runClickHouseMigrations(this.client, { database: this.database, dir: INGESTION_MIGRATIONS_DIR });
    await runClickHouseMigrations(this.client, { database: this.database, dir: MONITORING_MIGRATIONS_DIR });
    await this.bus.ensureTopics([Topic.MonitoringDrift, Topic.OrchestrationCommands], 3);
    const consumer = this.bus.createConsumer({ groupId: uniqueName('monitoring-test'), startFrom: 'latest' });
    consumer.subscribe(
      flywheelTopic(Topic.MonitoringDrift),
      forEachMessage((message) => {
        if (this.models.has(message.value.modelName)) this.reports.push(message.value);
        return Promise.resolve();
      }),
    );
    consumer.subscribe(
      flywheelTopic(Topic.OrchestrationCommands),
      forEachMessage((message) => {
        if (this.models.has(message.value.modelName)) this.commands.push(message.value);
        return Promise.resolve();
      }),
    );
    await consumer.start();
    this.consumer = consumer;
  }

  /** A scheduler as a (re)started service builds it: nothing in memory but the settings. */
  scheduler(
    defaults: ModelMonitoringConfig,
    models: Record<string, ModelMonitoringOverride> = {},
  ): MonitorScheduler {
    const clock = () => this.nowMs;
    const processor = new WindowProcessor({
      client: this.client,
      database: this.database,
      references: new ReferenceResolver(this.client, this.database, undefined),
      publisher: kafkaPublisher(this.producer),
      metrics: new MonitoringMetrics(),
      logger: quietLogger,
      clock,
    });
    return new MonitorScheduler({
      client: this.client,
      database: this.database,
      processor,
      defaults,
      models,
      maxWindowsPerTick: 50,
      logger: { error: (fields) => this.failures.push(fields.err) },
      clock,
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.close();
    await this.bus.close();
    await this.client?.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
