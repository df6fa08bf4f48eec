import type { KeyValue } from './key-value';
import type { LifecycleStage } from './lifecycle';
import type { ModelMetricLink, ModelOutput } from './logged-model';

export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses that end a run; reaching one publishes a RunFinished event. */
export function isTerminalStatus(status: RunStatus): boolean {
  return status === 'FINISHED' || status === 'FAILED' || status === 'KILLED';
}

export interface RunInfo {
  /** 32 lower-case hex digits. */
  runId: string;
  experimentId: string;
  runName: string;
  userId: string;
  status: RunStatus;
  /** Epoch milliseconds. */
  startTime: number;
  /** Epoch milliseconds; null while the run has not ended. */
  endTime: number | null;
  /** `mlflow-artifacts:/<experiment_id>/<run_id>/artifacts`. */
  artifactUri: string;
  lifecycleStage: LifecycleStage;
}

/** One logged value of a metric. `value` may be NaN or infinite. */
export interface Metric {
  key: string;
  value: number;
  /** Epoch milliseconds. */
  timestamp: number;
  step: number;
  /** MLflow 3: the logged model this value is also recorded for, and the dataset it was measured on. */
  model?: ModelMetricLink;
}

export interface Dataset {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface DatasetInput {
  dataset: Dataset;
  tags: KeyValue[];
}

/**
 * A run with the latest value of each metric, its params, tags, dataset inputs and the MLflow 3
 * logged models it output.
 */
export interface Run {
  info: RunInfo;
  metrics: Metric[];
  params: KeyValue[];
  tags: KeyValue[];
  inputs: DatasetInput[];
  outputs: ModelOutput[];
}

/** The tag MLflow keeps the run name in, next to the run's `run_name` attribute. */
export const RUN_NAME_TAG = 'mlflow.runName';
/** The input tag telling what a dataset was used for (train, eval); searchable as `datasets.context`. */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context';
