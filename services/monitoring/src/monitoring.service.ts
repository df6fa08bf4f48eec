import { join } from 'node:path';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { type ClickHouseClient, runClickHouseMigrations } from '@flywheel/clickhouse';
import { Topic } from '@flywheel/contracts';
import { type EventBus, type EventProducer, InProcessEventBus } from '@flywheel/kafka';
import { CLICKHOUSE, EVENT_BUS } from '@flywheel/platform';
import { createLogger } from '@flywheel/telemetry';
import { kafkaPublisher } from './events/monitor-publisher';
import { MonitorScheduler } from './monitor/monitor-scheduler';
import { MonitoringMetrics } from './monitor/monitoring-metrics';
import { ReferenceResolver } from './monitor/reference-resolver';
import { TaggedModelOverrides } from './monitor/tagged-model-overrides';
import { WindowProcessor } from './monitor/window-processor';
import { MONITORING_OPTIONS, type MonitoringOptions } from './monitoring-options';
import { RegistryProfileSource } from './reference/registry-profiles';

/** Monitoring's own ClickHouse migrations (drift_metrics, window_summaries). */
export const MONITORING_MIGRATIONS_DIR = join(__dirname, '..', 'clickhouse');

/** The shortest pause between ticks: a window closing sooner waits this long. */
const MIN_TICK_DELAY_MS = 500;

/**
 * Runs the window loop in a Nest app: applies monitoring's ClickHouse migrations before start
 * (failing start-up if they cannot be applied), then ticks one tick at a time, each as soon as
 * the next window of any model closes and at least every `tickIntervalMs` (so a model with
 * 5-second windows is decided within a second of its window closing, whatever the tick);
 * shutdown waits for the tick in progress.
 */
@Injectable()
export class MonitoringService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('monitoring');
  private readonly metrics = new MonitoringMetrics();
  private producer?: EventProducer;
  private profiles?: RegistryProfileSource;
  private scheduler?: MonitorScheduler;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private migrated = false;
  private stopped = false;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLICKHOUSE) private readonly clickhouse: ClickHouseClient,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const { database } = this.options.settings;
    const report = await runClickHouseMigrations(this.clickhouse, {
      database,
      dir: MONITORING_MIGRATIONS_DIR,
    });
    this.migrated = true;
    this.logger.info({ database, applied: report.applied }, 'monitoring tables up to date');
    // Standalone (in-process bus): nothing else creates the topics monitoring publishes to.
    if (this.bus instanceof InProcessEventBus) {
      await this.bus.ensureTopics([Topic.MonitoringDrift, Topic.OrchestrationCommands], 1);
    }
  }

  onApplicationBootstrap(): void {
    const { settings, platform } = this.options;
    const clock = this.options.clock ?? Date.now;
    this.producer = this.bus.createProducer();
    this.profiles = new RegistryProfileSource(settings.registryAddress, platform.auth, platform.tls);
    const processor = new WindowProcessor({
      client: this.clickhouse,
      database: settings.database,
      references: new ReferenceResolver(this.clickhouse, settings.database, this.profiles),
      publisher: kafkaPublisher(this.producer),
      metrics: this.metrics,
      logger: this.logger,
      clock,
    });
    this.scheduler = new MonitorScheduler({
      client: this.clickhouse,
      database: settings.database,
      processor,
      defaults: settings.defaults,
      models: settings.models,
      tagged: new TaggedModelOverrides(
        this.profiles,
        settings.defaults,
        settings.tagRefreshMs,
        clock,
        this.logger,
      ),
      maxWindowsPerTick: settings.maxWindowsPerTick,
      logger: this.logger,
      clock,
    });
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.producer?.close();
    this.profiles?.close();
  }

  /** Whether the monitoring tables exist (readiness). */
  isMigrated(): boolean {
    return this.migrated;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.nextDelayMs()));
    }, delayMs);
  }

  private nextDelayMs(): number {
    const { tickIntervalMs } = this.options.settings;
    const nextClose = this.scheduler?.nextWindowCloseMs;
    if (nextClose === undefined) return tickIntervalMs;
    const untilClose = nextClose - (this.options.clock ?? Date.now)();
    return Math.min(tickIntervalMs, Math.max(MIN_TICK_DELAY_MS, untilClose));
  }

  private async tick(): Promise<void> {
    try {
      await this.scheduler?.tick();
    } catch (error) {
      // Listing models failed (ClickHouse down, inference_logs not created yet): try again next tick.
      this.logger.warn({ err: error }, 'monitoring tick failed');
    }
  }
}
