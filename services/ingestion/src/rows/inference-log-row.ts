import { InferenceStatus, Variant, type InferenceLog } from '@flywheel/contracts';

/** The columns of `inference_logs` an insert writes, in the order of `InferenceLogRow`. */
export const INFERENCE_LOG_COLUMNS = [
  'request_id',
  'model_name',
  'model_version',
  'variant',
  'timestamp',
  'numeric_features',
  'categorical_features',
  'prediction_score',
  'prediction_label',
  'raw_outputs',
  'latency_ms',
  'status',
  'error',
] as const;

/** One `inference_logs` row as a JSONCompactEachRow array (timestamp in epoch milliseconds). */
export type InferenceLogRow = [
  requestId: string,
  modelName: string,
  modelVersion: number,
  variant: VariantName,
  timestampMs: number,
  numericFeatures: Record<string, number>,
  categoricalFeatures: Record<string, string>,
  predictionScore: number,
  predictionLabel: string,
  rawOutputs: Record<string, number>,
  latencyMs: number,
  status: 'ok' | 'error',
  error: string,
];

export type VariantName = 'champion' | 'canary' | 'shadow' | 'unspecified';

/** The column value of a known variant; undefined for a number outside the enum. */
export function variantName(variant: Variant): VariantName | undefined {
  switch (variant) {
    case Variant.CHAMPION:
      return 'champion';
    case Variant.CANARY:
      return 'canary';
    case Variant.SHADOW:
      return 'shadow';
    case Variant.UNSPECIFIED:
      return 'unspecified';
    case Variant.UNRECOGNIZED:
      return undefined;
  }
  return undefined;
}

/**
 * The status column: ERROR is `error`, OK is `ok`, and a producer that left it unspecified is
 * read from its `error` text. Undefined for a number outside the enum.
 */
export function statusName(log: Pick<InferenceLog, 'status' | 'error'>): 'ok' | 'error' | undefined {
  switch (log.status) {
    case InferenceStatus.OK:
      return 'ok';
    case InferenceStatus.ERROR:
      return 'error';
    case InferenceStatus.UNSPECIFIED:
      return log.error === '' ? 'ok' : 'error';
    case InferenceStatus.UNRECOGNIZED:
      return undefined;
  }
  return undefined;
}

/** Maps a validated log (see `checkInferenceLog`) to its row. */
export function inferenceLogRow(log: InferenceLog, variant: VariantName, status: 'ok' | 'error'): InferenceLogRow {
  const prediction = log.prediction;
  return [
    log.requestId,
    log.modelName,
    log.modelVersion,
    variant,
    log.timestampMs,
    log.numericFeatures,
    log.categoricalFeatures,
    prediction?.score ?? 0,
    prediction?.label ?? '',
    prediction?.rawOutputs ?? {},
    log.latencyMs,
    status,
    log.error,
  ];
}
