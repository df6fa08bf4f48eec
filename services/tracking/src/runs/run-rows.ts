import type { Run } from '../domain/run';
import { type KeyValueRows, doubleOf, keyValuesOf } from '../database/json-rows';
import { type RunInfoRow, runInfoOf } from './run.repository';

type DatasetRow = [string, string, string, string, string | null, string | null, KeyValueRows];

/** A row of `runDetailsColumns`. */
export interface RunDetailsRow extends RunInfoRow {
  metrics: [string, string, number, number][] | null;
  params: KeyValueRows;
  tags: KeyValueRows;
  inputs: DatasetRow[] | null;
  outputs: [string, number][] | null;
}

export function runOf(row: RunDetailsRow): Run {
  return {
    info: runInfoOf(row),
    metrics: (row.metrics ?? []).map(([key, value, timestamp, step]) => ({
      key,
      value: doubleOf(value),
      timestamp,
      step,
    })),
    params: keyValuesOf(row.params),
    tags: keyValuesOf(row.tags),
    inputs: (row.inputs ?? []).map(([name, digest, sourceType, source, schema, profile, tags]) => ({
      dataset: { name, digest, sourceType, source, schema, profile },
      tags: keyValuesOf(tags),
    })),
    outputs: (row.outputs ?? []).map(([modelId, step]) => ({ modelId, step })),
  };
}
