import {
  type Comparison,
  compileFilterSql,
  compileOrderBySql,
  encodePageToken,
  type FilterSqlMapping,
  parseSearchRequest,
  type SearchSchema,
  type SortSqlMapping,
} from '@flywheel/search-filter';
import { invalidArgument } from '../domain/registry-error';

/** A search as the API receives it (MLflow's fields). */
export interface SearchInput {
  filter?: string;
  maxResults?: number;
  orderBy?: readonly string[];
  pageToken?: string;
}

/** The compiled SQL pieces of one page: WHERE and ORDER BY with their parameters, then paging. */
export interface PageQuery {
  where: string;
  orderBy: string;
  params: unknown[];
  /** Placeholders of LIMIT and OFFSET. */
  limitPlaceholder: string;
  offsetPlaceholder: string;
  limit: number;
  offset: number;
}

/**
 * Parses MLflow's filter, order_by and page_token against `schema` and compiles them with the
 * caller's column mappings. Pages are offsets, like MLflow's; one extra row is fetched to know
 * whether another page follows. @throws RegistryError (invalid_argument) naming the field.
 */
export function compilePageQuery(
  input: SearchInput,
  schema: SearchSchema,
  mappings: { filter: FilterSqlMapping; sort: SortSqlMapping; tagAbsent: FilterSqlMapping['tag'] },
  limits: { defaultMaxResults: number; maxMaxResults: number },
): PageQuery {
  const maxResults = input.maxResults || limits.defaultMaxResults;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limits.maxMaxResults) {
    throw invalidArgument('max_results', `must be between 1 and ${limits.maxMaxResults}, got ${input.maxResults}`);
  }
  const parsed = parseSearchRequest(
    { filter: input.filter ?? '', orderBy: input.orderBy ?? [], pageToken: input.pageToken ?? '' },
    schema,
  );
  if (!parsed.ok) throw invalidArgument(parsed.error.field, parsed.error.message);
  const page = parsed.value.page;
  if (page && !('offset' in page)) throw invalidArgument('page_token', 'Invalid page token, not issued by this endpoint');
  const where = compileRegistryFilter(parsed.value.filter, mappings);
  const order = compileOrderBySql(parsed.value.orderBy, mappings.sort, { firstPlaceholder: where.params.length + 1 });
  const params = [...where.params, ...order.params];
  return {
    where: where.sql,
    orderBy: order.sql,
    params,
    limitPlaceholder: `$${params.length + 1}`,
    offsetPlaceholder: `$${params.length + 2}`,
    limit: maxResults,
    offset: page?.offset ?? 0,
  };
}

/**
 * MLflow's model registry reads `tags.k != 'v'` as "no tag k with value v", which includes
 * models without the tag: the MLflow client relies on it, appending
 * `tag.\`mlflow.prompt.is_prompt\` != 'true'` to every model search. Those comparisons are
 * compiled as `=` inside the mapping's `tagAbsent` (NOT EXISTS) template.
 */
function compileRegistryFilter(
  filter: readonly Comparison[],
  mappings: { filter: FilterSqlMapping; tagAbsent: FilterSqlMapping['tag'] },
): { sql: string; params: unknown[] } {
  const negated = (c: Comparison) => c.entity === 'tag' && c.comparator === '!=';
  const positive = compileFilterSql(filter.filter((c) => !negated(c)), mappings.filter);
  const absent = filter.filter(negated).map((c): Comparison => ({ ...c, comparator: '=' }));
  if (absent.length === 0) return positive;
  const negative = compileFilterSql(absent, { tag: mappings.tagAbsent }, { firstPlaceholder: positive.params.length + 1 });
  return { sql: `${positive.sql} AND ${negative.sql}`, params: [...positive.params, ...negative.params] };
}

/** Splits the fetched rows (one more than the page) into the page and the next token. */
export function pageOf<T>(rows: readonly T[], query: PageQuery): { rows: T[]; nextPageToken: string | undefined } {
  const more = rows.length > query.limit;
  return {
    rows: rows.slice(0, query.limit),
    nextPageToken: more ? encodePageToken({ offset: query.offset + query.limit }) : undefined,
  };
}
