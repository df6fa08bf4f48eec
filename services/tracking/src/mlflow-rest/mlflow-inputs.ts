import type { ViewType } from '../domain/lifecycle';
import type { DatasetInput, Metric, RunStatus } from '../domain/run';
import type { MlflowRequest } from './mlflow-request';

/** MLflow's proto enum numbers, in order from 1. */
export const RUN_STATUS_BY_NUMBER: readonly RunStatus[] = [
  'RUNNING',
  'SCHEDULED',
  'FINISHED',
  'FAILED',
  'KILLED',
];
export const VIEW_TYPE_BY_NUMBER: readonly ViewType[] = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'];

/**
 * A metric message: key, value and timestamp required, step 0 when absent; MLflow 3's
 * `model_id` (with `dataset_name` / `dataset_digest`) links the value to a logged model too.
 */
export function metricOf(message: MlflowRequest): Metric {
  const modelId = message.optionalString('model_id');
  return {
    key: message.requiredString('key'),
    value: message.requiredDouble('value'),
    timestamp: message.requiredInteger('timestamp'),
    step: message.optionalInteger('step') ?? 0,
    ...(modelId && {
      model: {
        modelId,
        datasetName: message.optionalString('dataset_name') ?? '',
        datasetDigest: message.optionalString('dataset_digest') ?? '',
      },
    }),
  };
}

export function runStatusOf(request: MlflowRequest, name = 'status'): RunStatus | undefined {
  return request.optionalEnum(name, RUN_STATUS_BY_NUMBER, RUN_STATUS_BY_NUMBER);
}

export function viewTypeOf(request: MlflowRequest, name: string): ViewType | undefined {
  return request.optionalEnum(name, VIEW_TYPE_BY_NUMBER, VIEW_TYPE_BY_NUMBER);
}

/** log-inputs' `datasets`: each a `dataset` message and its `tags`. */
export function datasetInputsOf(request: MlflowRequest): DatasetInput[] {
  return request.messages('datasets').map((input) => {
    const dataset = input.requiredMessage('dataset');
    return {
      dataset: {
        name: dataset.requiredString('name'),
        digest: dataset.requiredString('digest'),
        sourceType: dataset.requiredString('source_type'),
        source: dataset.requiredString('source'),
        schema: dataset.optionalString('schema') ?? null,
        profile: dataset.optionalString('profile') ?? null,
      },
      tags: input.keyValues('tags'),
    };
  });
}
