import type { Logger } from 'pino';
import type { InferenceLog } from '@flywheel/contracts';
import type { DecodedMessage } from '@flywheel/kafka';
import type { IngestionMetrics } from '../metrics/ingestion-metrics';
import { INFERENCE_LOG_COLUMNS, inferenceLogRow, type InferenceLogRow } from '../rows/inference-log-row';
import { INFERENCE_LOG_ROW_BINARY } from '../rows/inference-log-row-binary';
import { checkInferenceLog } from '../validation/check-inference-log';
import type { FeatureSchema } from '../validation/feature-schema';
import type { FeatureSchemaCache } from '../validation/feature-schema-cache';
import type { IngestTarget, Mapped } from './batch-ingestor';

/**
 * Inference logs into `inference_logs`, each checked on its own and against its model version's
 * registered feature schema. When the registry cannot be asked, logs are stored with their own
 * checks only (counted in `ingest_schema_unavailable`): dropping or holding valid traffic because
 * a metadata service is down would cost more than storing a log the schema would have refused.
 */
export class InferenceLogTarget implements IngestTarget<InferenceLog, InferenceLogRow> {
  readonly table = 'inference_logs';
  readonly columns = INFERENCE_LOG_COLUMNS;
  readonly rowBinary = INFERENCE_LOG_ROW_BINARY;

  constructor(
    private readonly schemas: FeatureSchemaCache | undefined,
    private readonly metrics: IngestionMetrics,
    private readonly logger: Logger,
  ) {}

  async map(messages: readonly DecodedMessage<InferenceLog>[], topic: string): Promise<Mapped<InferenceLogRow>[]> {
    const schemas = await this.schemasOf(messages, topic);
    return messages.map(({ value }) => {
      const check = checkInferenceLog(value, schemas.get(schemaKey(value)));
      return check.ok ? { row: inferenceLogRow(value, check.variant, check.status) } : { reason: check.reason };
    });
  }

  private async schemasOf(messages: readonly DecodedMessage<InferenceLog>[], topic: string): Promise<Map<string, FeatureSchema | undefined>> {
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
      this.logger.debug({ topic, versions: unavailable }, 'registry unreachable; storing logs without feature-schema checks');
    }
    return schemas;
  }
}

function schemaKey(log: InferenceLog): string {
  return `${log.modelVersion}:${log.modelName}`;
}
