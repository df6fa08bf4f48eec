import type { Logger } from 'pino';
import type { DecodedMessage } from '@flywheel/kafka';
import type { IngestionMetrics } from '../metrics/ingestion-metrics';
import { INFERENCE_LOG_COLUMNS } from '../rows/inference-log-row';
import type { FeatureSchema } from '../validation/feature-schema';
import type { FeatureSchemaCache } from '../validation/feature-schema-cache';
import { WireLog } from '../wire-log/wire-log';
import type { IngestedLog } from '../wire-log/wire-log-codec';
import { STORED_LOG_ROW_BINARY, type StoredLog } from '../wire-log/wire-log-row-binary';
import type { IngestTarget, Mapped } from './batch-ingestor';
import { mapInferenceLog } from './map-inference-log';

/**
 * Inference logs into `inference_logs`, each checked on its own and against its model version's
 * registered feature schema. When the registry cannot be asked, logs are stored with their own
 * checks only (counted in `ingest_schema_unavailable`): dropping or holding valid traffic because
 * a metadata service is down would cost more than storing a log the schema would have refused.
 */
export class InferenceLogTarget implements IngestTarget<IngestedLog, StoredLog> {
  readonly table = 'inference_logs';
  readonly columns = INFERENCE_LOG_COLUMNS;
  readonly rowBinary = STORED_LOG_ROW_BINARY;

  constructor(
    private readonly schemas: FeatureSchemaCache | undefined,
    private readonly metrics: IngestionMetrics,
    private readonly logger: Logger,
  ) {}

  async map(messages: readonly DecodedMessage<IngestedLog>[], topic: string): Promise<Mapped<StoredLog>[]> {
    const schemas = await this.schemasOf(messages, topic);
    const mapped =
      schemas.size === 0
        ? messages.map(({ value }) => mapInferenceLog(value, undefined))
        : messages.map(({ value }) => mapInferenceLog(value, schemas.get(schemaKey(value))));
    this.countPaths(mapped);
    return mapped;
  }

  /** Accepted logs by path: an operator sees when a producer's logs stop taking the bytes path. */
  private countPaths(mapped: readonly Mapped<StoredLog>[]): void {
    let bytes = 0;
    let decoded = 0;
    for (const outcome of mapped) {
      if (!('row' in outcome)) continue;
      if (outcome.row instanceof WireLog) bytes++;
      else decoded++;
    }
    this.metrics.logsAccepted('bytes', bytes);
    this.metrics.logsAccepted('decoded', decoded);
  }

  private async schemasOf(
    messages: readonly DecodedMessage<IngestedLog>[],
    topic: string,
  ): Promise<Map<string, FeatureSchema | undefined>> {
    const schemas = new Map<string, FeatureSchema | undefined>();
    const cache = this.schemas;
    if (!cache) return schemas;
    const versions = new Map(messages.map(({ value }) => [schemaKey(value), value]));
    let unavailable = 0;
    await Promise.all(
      [...versions].map(async ([key, { modelName, modelVersion }]) => {
        const lookup = await cache.lookup(modelName, modelVersion);
        if (lookup.available) schemas.set(key, lookup.schema);
        else unavailable++;
      }),
    );
    if (unavailable > 0) {
      this.metrics.schemaLookupFailed(topic);
      this.logger.debug(
        { topic, versions: unavailable },
        'registry unreachable; storing logs without feature-schema checks',
      );
    }
    return schemas;
  }
}

function schemaKey(log: IngestedLog): string {
  return `${log.modelVersion}:${log.modelName}`;
}
