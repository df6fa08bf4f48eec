import type { KeyValue } from './key-value';
import type { LifecycleStage } from './lifecycle';
import { notFound } from './tracking-error';

/** MLflow's LoggedModelStatus, by value name; the numbers are the enum's. */
export const LOGGED_MODEL_STATUSES = [
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
] as const;

export type LoggedModelStatus = (typeof LOGGED_MODEL_STATUSES)[number];

/**
 * An MLflow 3 logged model: what `mlflow.<flavor>.log_model` creates before uploading the
 * model's files to `artifactLocation`. Ids are `m-` and 32 hex digits.
 */
export interface LoggedModel {
  modelId: string;
  experimentId: string;
  name: string;
  /** `<experiment artifact location>/models/<model_id>/artifacts`. */
  artifactLocation: string;
  /** Epoch milliseconds. */
  creationTimestampMs: number;
  lastUpdatedTimestampMs: number;
  modelType: string | null;
  status: LoggedModelStatus;
  lifecycleStage: LifecycleStage;
  sourceRunId: string | null;
  tags: KeyValue[];
  params: KeyValue[];
  /** Every value logged for the model, by key, then time and step. */
  metrics: ModelMetric[];
}

/** Which logged model a run's metric value is also recorded for (`model_id` on a metric). */
export interface ModelMetricLink {
  modelId: string;
  /** '' when the metric names no dataset. */
  datasetName: string;
  datasetDigest: string;
}

/** A metric value of a logged model, with the run that logged it. */
export interface ModelMetric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  runId: string;
  datasetName: string;
  datasetDigest: string;
}

/** What `logged-models` (create) asks for; absent fields are MLflow's defaults. */
export interface NewLoggedModel {
  experimentId: string;
  name?: string;
  modelType?: string;
  sourceRunId?: string;
  params: KeyValue[];
  tags: KeyValue[];
}

/** One model a run logged (`runs/outputs`), at the step it was logged at. */
export interface ModelOutput {
  modelId: string;
  step: number;
}

/** MLflow's refusal of an unknown (or, without allow_deleted, deleted) logged model. */
export function loggedModelNotFound(modelId: string) {
  return notFound(`Logged model with ID '${modelId}' not found.`);
}
