export {
  type Comparator,
  type Comparison,
  type Entity,
  type Filter,
  type FilterValue,
  LIST_COMPARATORS,
  NUMERIC_COMPARATORS,
  type OrderBy,
  type SortDirection,
  STRING_COMPARATORS,
} from './ast';
export { SearchRequestError, type SearchResult, type SearchSyntaxError, unwrapSearchResult } from './result';

export type { ClosedEntity, FieldRule, OpenEntity, SearchSchema } from './schema/search-schema';
export { EXPERIMENTS_SCHEMA } from './schema/experiments';
export { MODEL_VERSIONS_SCHEMA } from './schema/model-versions';
export { REGISTERED_MODELS_SCHEMA } from './schema/registered-models';
export { RUNS_SCHEMA } from './schema/runs';
export { SEARCH_SCHEMAS } from './schema/search-schemas';

export { MAX_SEARCH_TEXT_LENGTH } from './parse/limits';
export { parseFilter } from './parse/parse-filter';
export { completeOrderBy, parseOrderBy } from './parse/parse-order-by';
export { parseSearchRequest, type SearchRequest, type SearchRequestText } from './parse/parse-search-request';
export { printComparison, printFilter, printOrderBy } from './print/print-search';

export { decodePageToken, encodePageToken, type KeysetValue, type PagePosition } from './paging/page-token';

export { compileFilterSql } from './sql/compile-filter';
export { compileKeysetSql } from './sql/compile-keyset';
export { compileOrderBySql } from './sql/compile-order-by';
export type { CompileOptions, SqlFragment } from './sql/placeholders';
export {
  type FilterSqlMapping,
  type FilterTarget,
  type SortSqlMapping,
  SqlMappingError,
} from './sql/sql-mapping';
