import {
  type Filter,
  type OrderBy,
  parseSearchRequest,
  type SearchSchema,
  encodePageToken,
} from '@flywheel/search-filter';
import { invalidArgument } from './tracking-error';

/** The search fields of a request, as received. */
export interface SearchText {
  filter?: string;
  orderBy?: readonly string[];
  pageToken?: string;
}

export interface ParsedSearch {
  filter: Filter;
  orderBy: OrderBy[];
  offset: number;
}

/**
 * Parses filter, order_by and page_token with MLflow's grammar. Pages are offsets, as MLflow's
 * own tokens are; the message of a bad input names the field and position.
 */
export function parseSearch(text: SearchText, schema: SearchSchema): ParsedSearch {
  const parsed = parseSearchRequest(text, schema);
  if (!parsed.ok) {
    const { field, message, position } = parsed.error;
    const where =
      field === 'filter' || field.startsWith('order_by') ? ` (${field}, at character ${position})` : '';
    throw invalidArgument(`${message}${where}`);
  }
  const { filter, orderBy, page } = parsed.value;
  if (page && !('offset' in page))
    throw invalidArgument('Invalid page token, it was not issued by this server');
  return { filter, orderBy, offset: page?.offset ?? 0 };
}

/**
 * The page size to use: `requested` (absent: `fallback`), refused outside `1..max` as MLflow
 * refuses it, then capped by the platform's largest page (`serverMax`); a capped page still
 * carries a next-page token, so nothing is lost.
 */
export function pageSize(
  requested: number | undefined,
  limits: { fallback: number; max: number; serverMax: number },
  field = 'max_results',
): number {
  const size = requested ?? limits.fallback;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw invalidArgument(
      `Invalid value ${size} for parameter '${field}' supplied. It must be a positive integer`,
    );
  }
  if (size > limits.max) {
    throw invalidArgument(
      `Invalid value ${size} for parameter '${field}' supplied. It must be at most ${limits.max}`,
    );
  }
  return Math.min(size, limits.serverMax);
}

/** Splits a fetch of `size + 1` rows into the page and the token of the next one. */
export function pageOf<T>(rows: T[], offset: number, size: number): { items: T[]; nextPageToken?: string } {
  if (rows.length <= size) return { items: rows };
  return { items: rows.slice(0, size), nextPageToken: encodePageToken({ offset: offset + size }) };
}
