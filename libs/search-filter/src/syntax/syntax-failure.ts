import type { SearchResult } from '../result';

/**
 * Internal control flow of the tokenizer and parsers: thrown at the first problem, caught by
 * `captureFailure` at the public entry points and turned into a `SearchSyntaxError`. Anything
 * else thrown is a bug and propagates.
 */
export class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export function captureFailure<T>(field: string, run: () => T): SearchResult<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: { field, message: error.message, position: error.position } };
  }
}
