import { LOGGED_MODEL_STATUSES, type LoggedModelStatus, type ModelOutput } from '../domain/logged-model';
import { MlflowError } from './mlflow-error';
import { type MlflowRequest, missing } from './mlflow-request';

/** finalize's `status`: a value name (`"LOGGED_MODEL_READY"`) or its number; UNSPECIFIED is refused. */
export function loggedModelStatusOf(request: MlflowRequest): LoggedModelStatus {
  const status = request.optionalEnum('status', LOGGED_MODEL_STATUSES, LOGGED_MODEL_STATUSES);
  if (status === undefined) throw missing('status');
  return status;
}

/**
 * search's structured `order_by` (`{field_name, ascending}`) as the clauses of MLflow's
 * grammar (`creation_timestamp DESC`). Ascending unless `ascending` is false, as in MLflow.
 */
export function loggedModelOrderBy(request: MlflowRequest): string[] {
  return request.messages('order_by').map((clause) => {
    const field = clause.requiredString('field_name');
    return `${field} ${clause.optionalBoolean('ascending') === false ? 'DESC' : 'ASC'}`;
  });
}

/**
 * Dataset-scoped metric search (`datasets`, `order_by[].dataset_name`) is refused rather than
 * answered unscoped, which would rank on other datasets' values.
 */
export function refuseDatasetScopes(request: MlflowRequest): void {
  const scoped =
    request.messages('datasets').length > 0 ||
    request.messages('order_by').some((clause) => clause.optionalString('dataset_name'));
  if (scoped) {
    throw new MlflowError(
      'INVALID_PARAMETER_VALUE',
      'Searching logged models by dataset-scoped metrics (datasets, order_by.dataset_name) is not supported by this server',
    );
  }
}

/** `runs/outputs`' `models`: each a `model_id` and a step (0 when absent). */
export function modelOutputsOf(request: MlflowRequest): ModelOutput[] {
  const models = request.messages('models');
  if (models.length === 0) throw missing('models');
  return models.map((model) => ({
    modelId: model.requiredString('model_id'),
    step: model.optionalInteger('step') ?? 0,
  }));
}
