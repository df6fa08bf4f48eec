/** What went wrong, in terms the transports map to their own status codes. */
export type OrchestrationErrorCode = 'not_found' | 'invalid_argument' | 'failed_precondition';

/** A refusal the caller can act on; the message names the field or object concerned. */
export class OrchestrationError extends Error {
  constructor(
    readonly code: OrchestrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OrchestrationError';
  }
}

export const notFound = (message: string): OrchestrationError => new OrchestrationError('not_found', message);
export const invalidArgument = (message: string): OrchestrationError =>
  new OrchestrationError('invalid_argument', message);
export const failedPrecondition = (message: string): OrchestrationError =>
  new OrchestrationError('failed_precondition', message);
