import type { ModelMonitoringConfig, ModelMonitoringOverride } from '../settings/model-monitoring-config';
import { MONITORING_TAG, parseMonitoringTag } from '../settings/monitoring-tag';
import type { ModelTagSource } from '../reference/registry-profiles';

/** Where the scheduler gets a model's own overrides (its `flywheel.monitoring` tag). */
export interface ModelOverrideSource {
  overrideFor(modelName: string): Promise<ModelMonitoringOverride | undefined>;
}

interface CachedTag {
  readAtMs: number;
  raw: string | undefined;
  override: ModelMonitoringOverride | undefined;
}

/**
 * Each model's `flywheel.monitoring` tag from the registry, read again once `refreshMs` has
 * passed. An unreadable registry keeps the settings read last (monitoring goes on); an invalid
 * tag is logged once per value and ignored, so the model is watched on the service's settings.
 */
export class TaggedModelOverrides implements ModelOverrideSource {
  private readonly cache = new Map<string, CachedTag>();

  constructor(
    private readonly source: ModelTagSource,
    private readonly defaults: ModelMonitoringConfig,
    private readonly refreshMs: number,
    private readonly clock: () => number,
    private readonly logger: {
      info(fields: Record<string, unknown>, message: string): void;
      warn(fields: Record<string, unknown>, message: string): void;
    },
  ) {}

  async overrideFor(modelName: string): Promise<ModelMonitoringOverride | undefined> {
    const cached = this.cache.get(modelName);
    const now = this.clock();
    if (cached && now - cached.readAtMs < this.refreshMs) return cached.override;
    let raw: string | undefined;
    try {
      raw = (await this.source.modelTags(modelName))?.[MONITORING_TAG];
    } catch (error) {
      this.logger.warn(
        { err: error, model: modelName },
        `reading the model's ${MONITORING_TAG} tag failed; keeping the settings read last`,
      );
      this.cache.set(modelName, { readAtMs: now, raw: cached?.raw, override: cached?.override });
      return cached?.override;
    }
    const changed = raw !== cached?.raw;
    const result = parseMonitoringTag(raw, this.defaults);
    if (!result.ok && changed)
      this.logger.warn(
        { model: modelName, reason: result.error },
        `ignoring the model's invalid ${MONITORING_TAG} tag`,
      );
    if (result.ok && changed && raw !== undefined)
      this.logger.info(
        { model: modelName, override: result.override },
        `model monitoring settings from its ${MONITORING_TAG} tag`,
      );
    const override = result.ok ? result.override : undefined;
    this.cache.set(modelName, { readAtMs: now, raw, override });
    return override;
  }
}
