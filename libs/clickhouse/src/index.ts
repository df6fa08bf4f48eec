export { TupleParam, type ClickHouseClient } from '@clickhouse/client';
export { createClickHouse, type ClickHouseOptions } from './create-clickhouse';
export { parseClickHouseUrl, type ClickHouseTarget } from './clickhouse-url';
export { queryRows } from './query/query-rows';
export { insertRows, insertsRowBinary, type InsertRowsOptions } from './query/insert-rows';
export { RowBinaryWriter, type RowBinaryFormat } from './row-binary/row-binary-writer';
export type { LiteralSql, ParamNames, QueryParams, QueryParamValue } from './query/query-parameters';
export {
  runClickHouseMigrations,
  type ClickHouseMigrationOptions,
  type ClickHouseMigrationReport,
} from './migrations/run-clickhouse-migrations';
export {
  ClickHouseMigrationChecksumMismatchError,
  ClickHouseMigrationFailedError,
} from './migrations/migration-errors';
