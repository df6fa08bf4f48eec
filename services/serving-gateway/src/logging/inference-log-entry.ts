import { type InferenceLog, InferenceStatus, Variant } from '@flywheel/contracts';
import type { Tensor, TensorData } from '../protocol/datatypes';

export type ServedVariant = 'champion' | 'canary' | 'shadow' | 'unspecified';

const VARIANTS: Record<ServedVariant, Variant> = {
  champion: Variant.CHAMPION,
  canary: Variant.CANARY,
  shadow: Variant.SHADOW,
  unspecified: Variant.UNSPECIFIED,
};

/** What the request path hands to the log: cheap to build, turned into messages off the path. */
export interface InferenceRecord {
  requestId: string;
  modelName: string;
  modelVersion: number;
  variant: ServedVariant;
  timestampMs: number;
  inputs: readonly Tensor[];
  featureNames: readonly string[] | undefined;
  outputs: readonly Tensor[];
  latencyMs: number;
  error?: string;
}

/**
 * One InferenceLog per row of the batch (monitoring reasons per prediction). Row i > 0 of a
 * multi-row request gets request id `<id>:<i>`. Numeric features: the first 2-D numeric input's
 * columns, named by the model's feature names (or `<input>_<column>` without them); string
 * inputs become categorical features. The score is the first output's value for the row;
 * every single-value-per-row numeric output is in raw_outputs.
 */
export function toInferenceLogs(record: InferenceRecord): InferenceLog[] {
  const rows = rowCount(record.inputs);
  const logs: InferenceLog[] = [];
  for (let row = 0; row < rows; row++) {
    const numericFeatures: Record<string, number> = {};
    const categoricalFeatures: Record<string, string> = {};
    record.inputs.forEach((input, inputIndex) => {
      const columns = input.shape.length >= 2 ? (input.shape[1] ?? 1) : 1;
      const names = inputIndex === 0 && record.featureNames?.length === columns ? record.featureNames : undefined;
      for (let column = 0; column < columns; column++) {
        const value = valueAt(input.data, row * columns + column);
        const name = names?.[column] ?? (columns === 1 ? input.name : `${input.name}_${column}`);
        if (typeof value === 'number') numericFeatures[name] = value;
        else if (typeof value === 'string') categoricalFeatures[name] = value;
      }
    });
    const rawOutputs: Record<string, number> = {};
    let score = 0;
    let label = '';
    record.outputs.forEach((output, index) => {
      const perRow = output.shape.length >= 2 ? (output.shape[1] ?? 1) : 1;
      const value = valueAt(output.data, row * perRow);
      if (typeof value === 'number') {
        if (perRow === 1) rawOutputs[output.name] = value;
        if (index === 0) score = value;
      } else if (typeof value === 'string' && index === 0) label = value;
    });
    logs.push({
      requestId: row === 0 ? record.requestId : `${record.requestId}:${row}`,
      modelName: record.modelName,
      modelVersion: record.modelVersion,
      variant: VARIANTS[record.variant],
      timestampMs: record.timestampMs,
      numericFeatures,
      categoricalFeatures,
      prediction: { score, label, rawOutputs },
      latencyMs: record.latencyMs,
      status: record.error === undefined ? InferenceStatus.OK : InferenceStatus.ERROR,
      error: record.error ?? '',
    });
  }
  return logs;
}

function rowCount(inputs: readonly Tensor[]): number {
  const first = inputs[0];
  if (!first || first.shape.length === 0) return 1;
  return Math.max(1, first.shape[0] ?? 1);
}

function valueAt(data: TensorData, index: number): number | string | undefined {
  if (index >= data.length) return undefined;
  const value = data[index];
  if (typeof value === 'bigint') return Number(value);
  return value;
}
