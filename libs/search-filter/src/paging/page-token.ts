import type { SearchResult } from '../result';

/** A value of one sort term in a keyset position: what the last row of the page held. */
export type KeysetValue = string | number | null;

/**
 * Where the next page starts: after skipping `offset` rows (MLflow's own scheme), or after
 * the row whose sort values are `after` (keyset: one value per term of the complete ordering).
 */
export type PagePosition = { readonly offset: number } | { readonly after: readonly KeysetValue[] };

const MAX_TOKEN_LENGTH = 8192;
const MAX_KEYSET_VALUES = 64;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const VERSION = 1;

/** Encodes a page position as an opaque base64url token for `next_page_token`. */
export function encodePageToken(position: PagePosition): string {
  const problem = positionProblem(position);
  if (problem) throw new RangeError(`Cannot encode page token: ${problem}`);
  return Buffer.from(JSON.stringify({ v: VERSION, ...position }), 'utf8').toString('base64url');
}

/**
 * Decodes a `page_token` from a request. Anything that `encodePageToken` did not produce
 * (bad base64url, non-canonical padding bits, foreign JSON, wrong shapes) is an error.
 */
export function decodePageToken(token: string, field = 'page_token'): SearchResult<PagePosition> {
  const fail = (message: string, position = 0): SearchResult<PagePosition> => ({
    ok: false,
    error: { field, message: `Invalid page token, ${message}`, position },
  });
  if (token.length > MAX_TOKEN_LENGTH) return fail(`longer than ${MAX_TOKEN_LENGTH} characters`);
  if (!BASE64URL.test(token)) return fail('could not base64-decode', firstInvalidCharacter(token));
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.toString('base64url') !== token) return fail('could not base64-decode');
  let decoded: unknown;
  try {
    decoded = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('decoded value is not JSON');
  }
  const position = toPosition(decoded);
  return typeof position === 'string' ? fail(position) : { ok: true, value: position };
}

function toPosition(decoded: unknown): PagePosition | string {
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded))
    return 'decoded value is not an object';
  const { v, ...rest } = decoded as Record<string, unknown>;
  if (v !== VERSION) return `unsupported version ${JSON.stringify(v) ?? 'undefined'}`;
  const keys = Object.keys(rest);
  if (keys.length !== 1 || (keys[0] !== 'offset' && keys[0] !== 'after')) {
    return 'expected exactly one of "offset" or "after"';
  }
  const position = rest as PagePosition;
  return positionProblem(position) ?? position;
}

function positionProblem(position: PagePosition): string | undefined {
  if ('offset' in position) {
    return Number.isSafeInteger(position.offset) && position.offset >= 0
      ? undefined
      : '"offset" must be a non-negative integer';
  }
  const { after } = position;
  if (!Array.isArray(after) || after.length === 0 || after.length > MAX_KEYSET_VALUES) {
    return `"after" must be a list of 1 to ${MAX_KEYSET_VALUES} values`;
  }
  const valid = after.every(
    (value) =>
      value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
  );
  return valid ? undefined : '"after" values must be strings, finite numbers or null';
}

function firstInvalidCharacter(token: string): number {
  return /[^A-Za-z0-9_-]/.exec(token)?.index ?? 0;
}
