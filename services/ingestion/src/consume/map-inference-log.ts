import { decodeInferenceLog } from '@flywheel/contracts';
import { inferenceLogRow } from '../rows/inference-log-row';
import { checkInferenceLog } from '../validation/check-inference-log';
import type { FeatureSchema } from '../validation/feature-schema';
import type { IngestedLog } from '../wire-log/wire-log-codec';
import { WireLog } from '../wire-log/wire-log';
import type { StoredLog } from '../wire-log/wire-log-row-binary';
import { meetsSchemaOnWire } from '../wire-log/wire-log-schema';
import type { Mapped } from './batch-ingestor';

/**
 * One consumed log, checked (against `schema`, its version's, when it has one), as its row or
 * the reason it cannot be stored. A WireLog already passed its own checks; when the schema
 * check on its bytes cannot pass it, it is decoded and judged as any other log.
 */
export function mapInferenceLog(value: IngestedLog, schema: FeatureSchema | undefined): Mapped<StoredLog> {
  let log = value;
  if (log instanceof WireLog) {
    if (schema === undefined || log.status !== 'ok' || meetsSchemaOnWire(log, schema)) return { row: log };
    log = decodeInferenceLog(log.bytes);
  }
  const check = checkInferenceLog(log, schema);
  return check.ok ? { row: inferenceLogRow(log, check.variant, check.status) } : { reason: check.reason };
}
