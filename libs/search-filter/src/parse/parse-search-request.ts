import type { Filter, OrderBy } from '../ast';
import { decodePageToken, type PagePosition } from '../paging/page-token';
import type { SearchResult } from '../result';
import type { SearchSchema } from '../schema/search-schema';
import { parseFilter } from './parse-filter';
import { completeOrderBy, parseOrderBy } from './parse-order-by';

/** The search fields of an MLflow request, as received. */
export interface SearchRequestText {
  readonly filter?: string;
  readonly orderBy?: readonly string[];
  readonly pageToken?: string;
}

export interface SearchRequest {
  readonly filter: Filter;
  /** Complete ordering: requested terms or the default, then the tie-breakers. */
  readonly orderBy: OrderBy[];
  /** Absent for the first page. */
  readonly page?: PagePosition;
}

/**
 * Parses filter, order_by and page_token together; the first problem found is returned with
 * the field it belongs to. A keyset token must match the ordering it was made for.
 */
export function parseSearchRequest(
  request: SearchRequestText,
  schema: SearchSchema,
): SearchResult<SearchRequest> {
  const filter = parseFilter(request.filter ?? '', schema);
  if (!filter.ok) return filter;
  const requested = parseOrderBy(request.orderBy ?? [], schema);
  if (!requested.ok) return requested;
  const orderBy = completeOrderBy(requested.value, schema);
  if (!request.pageToken) return { ok: true, value: { filter: filter.value, orderBy } };
  const page = decodePageToken(request.pageToken);
  if (!page.ok) return page;
  if ('after' in page.value && page.value.after.length !== orderBy.length) {
    return {
      ok: false,
      error: {
        field: 'page_token',
        message: 'Invalid page token, it was issued for a different order_by',
        position: 0,
      },
    };
  }
  return { ok: true, value: { filter: filter.value, orderBy, page: page.value } };
}
