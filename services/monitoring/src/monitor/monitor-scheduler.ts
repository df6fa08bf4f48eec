import type { ClickHouseClient } from '@clickhouse/client';
import { modelProgress } from '../clickhouse/progress-queries';
import {
  type ModelMonitoringConfig,
  type ModelMonitoringOverride,
  resolveModelConfig,
} from '../settings/model-monitoring-config';
import { dueWindows } from '../windows/due-windows';
import type { WindowProcessor, WindowResult } from './window-processor';

export interface SchedulerOptions {
  client: ClickHouseClient;
  database: string;
  processor: WindowProcessor;
  defaults: ModelMonitoringConfig;
  models: Readonly<Record<string, ModelMonitoringOverride>>;
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
  constructor(private readonly options: SchedulerOptions) {}

  /** One pass over every model; returns the windows processed, by model. */
  async tick(): Promise<Map<string, WindowResult[]>> {
    const { client, database, processor, defaults, models, maxWindowsPerTick, logger, clock } = this.options;
    const results = new Map<string, WindowResult[]>();
    for (const progress of await modelProgress(client, database)) {
      const config = resolveModelConfig(defaults, models[progress.modelName]);
      const processed: WindowResult[] = [];
      results.set(progress.modelName, processed);
      try {
        for (const window of dueWindows(config.schedule, progress, clock(), maxWindowsPerTick)) {
          processed.push(await processor.process(progress.modelName, window, config));
        }
      } catch (error) {
        logger.error(
          { err: error, model: progress.modelName },
          'monitoring window failed; retried next tick',
        );
      }
    }
    return results;
  }
}
