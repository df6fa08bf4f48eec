import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '@flywheel/clickhouse';
import type { ReferenceData } from '../evaluation/feature-stats';
import type { ReferenceChoice } from '../settings/model-monitoring-config';
import { firstWindowContaining } from '../windows/due-windows';
import type { TimeWindow, WindowSchedule } from '../windows/window';
import { liveReference } from '../reference/live-reference';
import { referenceFromProfile } from '../reference/profile-reference';
import type { ReferenceProfileSource } from '../reference/registry-profiles';
import { PRIMARY_VARIANTS } from './canary-health';

/**
 * A model version's reference, computed once and kept in memory (references do not change:
 * a registry profile is immutable per version, and a reference window is in the past).
 */
export class ReferenceResolver {
  private readonly cache = new Map<string, ReferenceData>();

  constructor(
    private readonly client: ClickHouseClient,
    private readonly database: string,
    private readonly profiles: ReferenceProfileSource | undefined,
  ) {}

  /** Undefined while the chosen reference has no data yet (e.g. an empty reference window). */
  async reference(
    modelName: string,
    version: number,
    choice: ReferenceChoice,
    schedule: WindowSchedule,
  ): Promise<ReferenceData | undefined> {
    const key = JSON.stringify([modelName, version, choice]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const reference = await this.load(modelName, version, choice, schedule);
    if (reference !== undefined) this.cache.set(key, reference);
    return reference;
  }

  private async load(
    modelName: string,
    version: number,
    choice: ReferenceChoice,
    schedule: WindowSchedule,
  ): Promise<ReferenceData | undefined> {
    if (choice.kind === 'window') return this.fromWindow(modelName, version, choice);
    if (choice.kind === 'registry' && this.profiles !== undefined) {
      // NOT_FOUND (no profile stored) falls back to live traffic; any other failure throws and
      // the window is retried on the next tick rather than judged against another reference.
      const profile = await this.profiles.profile(modelName, version);
      if (profile !== undefined)
        return referenceFromProfile(profile, `registry profile of ${modelName} v${version}`);
    }
    const firstMs = await this.firstEventMs(modelName, version);
    if (firstMs === undefined) return undefined;
    return this.fromWindow(modelName, version, firstWindowContaining(schedule, firstMs));
  }

  private fromWindow(
    modelName: string,
    version: number,
    window: TimeWindow,
  ): Promise<ReferenceData | undefined> {
    const source = `window ${new Date(window.startMs).toISOString()}/${new Date(window.endMs).toISOString()}`;
    return liveReference(
      this.client,
      {
        database: this.database,
        modelName,
        modelVersion: version,
        variants: PRIMARY_VARIANTS,
        fromMs: window.startMs,
        toMs: window.endMs,
      },
      source,
    );
  }

  private async firstEventMs(modelName: string, version: number): Promise<number | undefined> {
    const rows: { first_ms: string | null }[] = await queryRows(
      this.client,
      `SELECT if(count() = 0, NULL, toUnixTimestamp64Milli(min(timestamp))) AS first_ms
       FROM {database:Identifier}.inference_logs
       WHERE model_name = {model:String} AND model_version = {version:UInt32} AND has({variants:Array(String)}, variant)`,
      { database: this.database, model: modelName, version, variants: [...PRIMARY_VARIANTS] },
    );
    const first = rows[0]?.first_ms;
    return first === null || first === undefined ? undefined : Number(first);
  }
}
