import type { Experiment } from '../domain/experiment';
import type { DatasetInput, Metric, Run, RunInfo } from '../domain/run';
import type { ListedFile } from '../artifacts/artifact-listing';

// Domain objects as MLflow's server writes them (protobuf JSON with snake_case names, int64 as
// numbers, unset fields and empty lists left out).

/** A double the way proto3 JSON writes it: NaN and infinities as strings. */
export type JsonDouble = number | 'NaN' | 'Infinity' | '-Infinity';

export function jsonDouble(value: number): JsonDouble {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

export function experimentJson(experiment: Experiment) {
  return {
    experiment_id: experiment.experimentId,
    name: experiment.name,
    artifact_location: experiment.artifactLocation,
    lifecycle_stage: experiment.lifecycleStage,
    last_update_time: experiment.lastUpdateTime,
    creation_time: experiment.creationTime,
    ...nonEmpty('tags', experiment.tags),
  };
}

export function runInfoJson(info: RunInfo) {
  return {
    run_id: info.runId,
    run_uuid: info.runId,
    run_name: info.runName,
    experiment_id: info.experimentId,
    user_id: info.userId,
    status: info.status,
    start_time: info.startTime,
    ...(info.endTime !== null && { end_time: info.endTime }),
    artifact_uri: info.artifactUri,
    lifecycle_stage: info.lifecycleStage,
  };
}

export function metricJson(metric: Metric) {
  return { key: metric.key, value: jsonDouble(metric.value), timestamp: metric.timestamp, step: metric.step };
}

export function runJson(run: Run) {
  return {
    info: runInfoJson(run.info),
    data: {
      ...nonEmpty('metrics', run.metrics.map(metricJson)),
      ...nonEmpty('params', run.params),
      ...nonEmpty('tags', run.tags),
    },
    inputs: { ...nonEmpty('dataset_inputs', run.inputs.map(datasetInputJson)) },
    outputs: {
      ...nonEmpty(
        'model_outputs',
        run.outputs.map((o) => ({ model_id: o.modelId, step: o.step })),
      ),
    },
  };
}

function datasetInputJson({ dataset, tags }: DatasetInput) {
  return {
    ...nonEmpty('tags', tags),
    dataset: {
      name: dataset.name,
      digest: dataset.digest,
      source_type: dataset.sourceType,
      source: dataset.source,
      ...(dataset.schema !== null && { schema: dataset.schema }),
      ...(dataset.profile !== null && { profile: dataset.profile }),
    },
  };
}

export function fileInfoJson(file: ListedFile) {
  return {
    path: file.path,
    is_dir: file.isDir,
    ...(file.fileSize !== undefined && { file_size: file.fileSize }),
  };
}

/** `{ [name]: items }`, or nothing for an empty list, as protobuf JSON leaves it out. */
export function nonEmpty<K extends string, T>(name: K, items: readonly T[]): { [P in K]?: readonly T[] } {
  return (items.length === 0 ? {} : { [name]: items }) as { [P in K]?: readonly T[] };
}
