/**
 * Thrown for unusable configuration or operator input (a role name, a duration, a route
 * table). `field` names the flag, variable or property so the message can point at it.
 */
export class AccessInputError extends Error {
  override readonly name = 'AccessInputError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
