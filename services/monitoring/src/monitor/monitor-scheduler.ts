import type { ClickHouseClient } from '@clickhouse/client';
import { modelProgress } from '../clickhouse/progress-queries';
import {
  type ModelMonitoringConfig,
  type ModelMonitoringOverride,
  mergeOverrides,
  resolveModelConfig,
} from '../settings/model-monitoring-config';
import { dueWindows, nextCloseAtMs } from '../windows/due-windows';
import type { ModelOverrideSource } from './tagged-model-overrides';
import type { WindowProcessor, WindowResult } from './window-processor';

export interface SchedulerOptions {
  client: ClickHouseClient;
  database: string;
  processor: WindowProcessor;
  defaults: ModelMonitoringConfig;
  /** The operator's per-model overrides (FLYWHEEL_MONITORING_MODELS): they win field by field. */
  models: Readonly<Record<string, ModelMonitoringOverride>>;
  /** The models' own overrides (their registry tag); none when absent. */
  tagged?: ModelOverrideSource;
  maxWindowsPerTick: number;
  logger: { error(fields: Record<string, unknown>, message: string): void };
  clock: () => number;
}

/**
 * The window loop: every model with logged traffic is monitored; each tick processes its closed,
 * unprocessed windows in order. A failing window stops that model's tick (it is retried next
 * tick, never skipped) without holding up the other models.
 */
export class MonitorScheduler {
  private nextClose: number | undefined;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * When the next window of any model closes, as of the last tick (undefined before the first
   * tick, without models, or when every model's tick failed).
   */
  get nextWindowCloseMs(): number | undefined {
    return this.nextClose;
  }

  /** One pass over every model; returns the windows processed, by model. */
  async tick(): Promise<Map<string, WindowResult[]>> {
    const { client, database, processor, defaults, models, tagged, maxWindowsPerTick, logger, clock } =
      this.options;
    const results = new Map<string, WindowResult[]>();
    let nextClose: number | undefined;
    for (const progress of await modelProgress(client, database)) {
      const processed: WindowResult[] = [];
      results.set(progress.modelName, processed);
      try {
        const own = await tagged?.overrideFor(progress.modelName);
        const config = resolveModelConfig(defaults, mergeOverrides(own, models[progress.modelName]));
        let lastEndMs = progress.lastEndMs;
        for (const window of dueWindows(config.schedule, progress, clock(), maxWindowsPerTick)) {
          processed.push(await processor.process(progress.modelName, window, config));
          lastEndMs = window.endMs;
        }
        const closes = nextCloseAtMs(config.schedule, { ...progress, lastEndMs });
        nextClose = nextClose === undefined ? closes : Math.min(nextClose, closes);
      } catch (error) {
        logger.error(
          { err: error, model: progress.modelName },
          'monitoring window failed; retried next tick',
        );
      }
    }
    this.nextClose = nextClose;
    return results;
  }
}
