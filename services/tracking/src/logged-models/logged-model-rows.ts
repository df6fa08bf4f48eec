import type { LoggedModel } from '../domain/logged-model';
import { type KeyValueRows, doubleOf, keyValuesOf, millis } from '../database/json-rows';
import type { TrackingTables } from '../database/tracking-tables';

/** A row of `loggedModelDetailsColumns`. */
export interface LoggedModelRow {
  model_id: string;
  experiment_id: string;
  name: string;
  artifact_location: string;
  creation_timestamp_ms: string;
  last_updated_timestamp_ms: string;
  model_type: string | null;
  status: LoggedModel['status'];
  lifecycle_stage: LoggedModel['lifecycleStage'];
  source_run_id: string | null;
  tags: KeyValueRows;
  params: KeyValueRows;
  /** key, value as text (NaN and infinities survive), timestamp, step, run id, dataset name, digest. */
  metrics: [string, string, number, number, string, string, string][] | null;
}

/**
 * The select list of a complete logged model `lm`: its columns plus tags, params and metrics
 * aggregated as JSON, so a page of models is one statement. Metric values travel as text so NaN
 * and infinities survive.
 */
export function loggedModelDetailsColumns(t: TrackingTables): string {
  return `lm.model_id, lm.experiment_id::text, lm.name, lm.artifact_location, lm.creation_timestamp_ms,
    lm.last_updated_timestamp_ms, lm.model_type, lm.status, lm.lifecycle_stage, lm.source_run_id,
    (SELECT json_agg(json_build_array(g.key, g.value) ORDER BY g.key)
       FROM ${t.loggedModelTags} g WHERE g.model_id = lm.model_id) AS tags,
    (SELECT json_agg(json_build_array(p.key, p.value) ORDER BY p.key)
       FROM ${t.loggedModelParams} p WHERE p.model_id = lm.model_id) AS params,
    (SELECT json_agg(json_build_array(mm.key, mm.value::text, mm.timestamp, mm.step, mm.run_id,
         mm.dataset_name, mm.dataset_digest) ORDER BY mm.key, mm.timestamp, mm.step, mm.run_id)
       FROM ${t.loggedModelMetrics} mm WHERE mm.model_id = lm.model_id) AS metrics`;
}

export function loggedModelOf(row: LoggedModelRow): LoggedModel {
  return {
    modelId: row.model_id,
    experimentId: row.experiment_id,
    name: row.name,
    artifactLocation: row.artifact_location,
    creationTimestampMs: millis(row.creation_timestamp_ms),
    lastUpdatedTimestampMs: millis(row.last_updated_timestamp_ms),
    modelType: row.model_type,
    status: row.status,
    lifecycleStage: row.lifecycle_stage,
    sourceRunId: row.source_run_id,
    tags: keyValuesOf(row.tags),
    params: keyValuesOf(row.params),
    metrics: (row.metrics ?? []).map(([key, value, timestamp, step, runId, datasetName, datasetDigest]) => ({
      key,
      value: doubleOf(value),
      timestamp,
      step,
      runId,
      datasetName,
      datasetDigest,
    })),
  };
}
