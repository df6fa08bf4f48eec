/**
 * Why a tracking operation was refused. Each edge maps the kind to its own vocabulary: MLflow
 * error codes over REST, gRPC status codes over gRPC.
 * - `invalid_argument`: bad or missing input, a limit exceeded, a param changed;
 * - `not_found`: unknown experiment, run, tag or artifact;
 * - `already_exists`: an experiment name taken;
 * - `failed_precondition`: writing to a deleted run or experiment, renaming a deleted one.
 */
export type TrackingErrorKind = 'invalid_argument' | 'not_found' | 'already_exists' | 'failed_precondition';

/** A refused operation; the message names the field or entity, worded like MLflow's. */
export class TrackingError extends Error {
  override readonly name = 'TrackingError';

  constructor(
    readonly kind: TrackingErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const invalidArgument = (message: string) => new TrackingError('invalid_argument', message);
export const notFound = (message: string) => new TrackingError('not_found', message);
export const alreadyExists = (message: string) => new TrackingError('already_exists', message);
export const failedPrecondition = (message: string) => new TrackingError('failed_precondition', message);
