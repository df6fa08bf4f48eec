/**
 * Why an inference call failed, independent of transport: the gRPC controller maps the kind
 * to a status code, the REST controller to an HTTP status with an `{"error": message}` body.
 */
export type InferenceErrorKind = 'invalid_argument' | 'not_found' | 'unavailable' | 'resource_exhausted' | 'deadline_exceeded' | 'internal';

export class InferenceError extends Error {
  override readonly name = 'InferenceError';

  constructor(
    readonly kind: InferenceErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const invalidArgument = (message: string): InferenceError => new InferenceError('invalid_argument', message);
export const notFound = (message: string): InferenceError => new InferenceError('not_found', message);
