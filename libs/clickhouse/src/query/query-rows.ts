import type { ClickHouseClient } from '@clickhouse/client';
import {
  assertParamsUsed,
  normalizeParams,
  type LiteralSql,
  type QueryParams,
  type QueryParamValue,
} from './query-parameters';

/**
 * Runs a SELECT whose values are all bound server-side through `{name:Type}` placeholders and
 * returns its rows. The SQL must be a literal (checked at compile time) and `params` must
 * name exactly its placeholders. Declare the row type on the result:
 *
 *     const rows: WindowRow[] = await queryRows(client, 'SELECT ... WHERE model = {model:String}', { model });
 *
 * 64-bit and wider integers come back as strings, so no precision is lost in JSON.
 */
export async function queryRows<T = Record<string, unknown>, const S extends string = string>(
  client: ClickHouseClient,
  sql: LiteralSql<S>,
  params: QueryParams<S>,
): Promise<T[]> {
  const values = params as Readonly<Record<string, QueryParamValue>>;
  assertParamsUsed(sql, values);
  const result = await client.query({
    query: sql,
    query_params: normalizeParams(values),
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 1 },
  });
  return result.json<T>();
}
