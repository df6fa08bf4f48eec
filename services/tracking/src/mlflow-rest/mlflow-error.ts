import type { TrackingErrorKind } from '../domain/tracking-error';

/** The MLflow error codes this API answers with, and the HTTP status MLflow pairs with each. */
export const MLFLOW_ERROR_STATUS = Object.freeze({
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INTERNAL_ERROR: 500,
  TEMPORARILY_UNAVAILABLE: 503,
});

export type MlflowErrorCode = keyof typeof MLFLOW_ERROR_STATUS;

/** MLflow's error body: `{"error_code": "INVALID_PARAMETER_VALUE", "message": "..."}`. */
export interface MlflowErrorBody {
  error_code: string;
  message: string;
}

/** A refusal raised by the REST edge itself (a malformed request), in MLflow's terms. */
export class MlflowError extends Error {
  override readonly name = 'MlflowError';

  constructor(
    readonly errorCode: MlflowErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return MLFLOW_ERROR_STATUS[this.errorCode];
  }
}

/**
 * How MLflow reports each kind of refusal. Writing to a deleted run is INVALID_PARAMETER_VALUE
 * in MLflow (it has no precondition code), so it is here too.
 */
export function mlflowCodeOf(kind: TrackingErrorKind): MlflowErrorCode {
  switch (kind) {
    case 'invalid_argument':
    case 'failed_precondition':
      return 'INVALID_PARAMETER_VALUE';
    case 'not_found':
      return 'RESOURCE_DOES_NOT_EXIST';
    case 'already_exists':
      return 'RESOURCE_ALREADY_EXISTS';
  }
}
