import type { RowBinaryFormat } from '@flywheel/clickhouse';
import type { InferenceLogRow } from './inference-log-row';

/**
 * `inference_logs` rows as RowBinary, in the order of INFERENCE_LOG_COLUMNS. The structure gives
 * plain types (String for LowCardinality columns, String keys for the maps): ClickHouse converts
 * them to the table's types on insert, as it does for JSON.
 */
export const INFERENCE_LOG_ROW_BINARY: RowBinaryFormat<InferenceLogRow> = {
  structure: [
    'request_id String',
    'model_name String',
    'model_version UInt32',
    'variant String',
    "timestamp DateTime64(3, 'UTC')",
    'numeric_features Map(String, Float64)',
    'categorical_features Map(String, String)',
    'prediction_score Float64',
    'prediction_label String',
    'raw_outputs Map(String, Float64)',
    'latency_ms Float64',
    'status String',
    'error String',
  ].join(', '),
  write(row, out) {
    const [
      requestId,
      modelName,
      modelVersion,
      variant,
      timestampMs,
      numeric,
      categorical,
      score,
      label,
      rawOutputs,
      latencyMs,
      status,
      error,
    ] = row;
    out.string(requestId).string(modelName).uint32(modelVersion).string(variant).int64(timestampMs);
    out.float64Map(numeric).stringMap(categorical).float64(score).string(label).float64Map(rawOutputs);
    out.float64(latencyMs).string(status).string(error);
  },
};
