/** A problem located by a character offset in the text it came from. */
export interface OffsetProblem {
  readonly message: string;
  readonly offset: number;
}

export type Result<T, E = OffsetProblem> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function success<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function failure<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
