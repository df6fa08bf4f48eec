import { HttpException } from '@nestjs/common';
import type { RegistryErrorCode } from '../domain/registry-error';
import { registryErrorOf } from '../domain/transport-error';

/** MLflow's error code and HTTP status for each registry error (mlflow/exceptions.py). */
const MLFLOW_ERRORS: Record<RegistryErrorCode, { errorCode: string; status: number }> = {
  not_found: { errorCode: 'RESOURCE_DOES_NOT_EXIST', status: 404 },
  already_exists: { errorCode: 'RESOURCE_ALREADY_EXISTS', status: 400 },
  invalid_argument: { errorCode: 'INVALID_PARAMETER_VALUE', status: 400 },
  approval_required: { errorCode: 'PERMISSION_DENIED', status: 403 },
  permission_denied: { errorCode: 'PERMISSION_DENIED', status: 403 },
  failed_precondition: { errorCode: 'INVALID_STATE', status: 400 },
  alias_not_set: { errorCode: 'INVALID_PARAMETER_VALUE', status: 400 },
};

/** Runs a handler body, answering registry errors as MLflow does: `{ error_code, message }`. */
export async function mlflowCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const known = registryErrorOf(error);
    if (known) {
      const { errorCode, status } = MLFLOW_ERRORS[known.code];
      throw new HttpException({ error_code: errorCode, message: known.message }, status);
    }
    throw error;
  }
}
