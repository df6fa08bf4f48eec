/**
 * A rejected search input, phrased like MLflow's messages so the service can answer
 * `INVALID_PARAMETER_VALUE` with text MLflow users recognise.
 */
export interface SearchSyntaxError {
  /** Which request field was wrong: `filter`, `order_by[2]`, `page_token`. */
  readonly field: string;
  readonly message: string;
  /** Zero-based offset into that field's text where the problem starts. */
  readonly position: number;
}

export type SearchResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SearchSyntaxError };

/** Thrown by `unwrapSearchResult`; carries the MLflow error code services answer with. */
export class SearchRequestError extends Error {
  override readonly name = 'SearchRequestError';
  readonly errorCode = 'INVALID_PARAMETER_VALUE';

  constructor(readonly detail: SearchSyntaxError) {
    super(detail.message);
  }
}

/** Returns the value of a successful result and throws `SearchRequestError` otherwise. */
export function unwrapSearchResult<T>(result: SearchResult<T>): T {
  if (result.ok) return result.value;
  throw new SearchRequestError(result.error);
}
