/**
 * What went wrong, independent of the transport: the gRPC controller and the MLflow REST
 * controllers each map these to their own status codes.
 */
export type RegistryErrorCode =
  | 'not_found'
  // An alias lookup that names no version. gRPC answers NOT_FOUND; MLflow answers
  // INVALID_PARAMETER_VALUE (its stores raise that), and its clients check the code.
  | 'alias_not_set'
  | 'already_exists'
  | 'invalid_argument'
  | 'approval_required'
  | 'permission_denied'
  | 'failed_precondition';

/** A request the registry refuses; the message names the field or the resource. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';

  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(message: string): RegistryError {
  return new RegistryError('not_found', message);
}

export function invalidArgument(field: string, reason: string): RegistryError {
  return new RegistryError('invalid_argument', `${field}: ${reason}`);
}
