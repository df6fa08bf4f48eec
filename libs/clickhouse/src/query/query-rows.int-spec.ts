import type { ClickHouseClient } from '@clickhouse/client';
import { uniqueName } from '@flywheel/testing';
import { tempChdbDir } from '../../test/temp-chdb';
import { createClickHouse } from '../create-clickhouse';
import { insertRows } from './insert-rows';
import { queryRows } from './query-rows';

interface LogRow {
  model: string;
  request_id: string;
  at: string;
  score: number;
  seq: string;
}

describe('queryRows and insertRows over chDB', () => {
  let chdb: Awaited<ReturnType<typeof tempChdbDir>>;
  let client: ClickHouseClient;
  let database: string;
  let table: string;

  beforeAll(async () => {
    chdb = await tempChdbDir();
    client = createClickHouse(chdb.url);
    database = uniqueName('chq');
    table = `${database}.logs`;
    await client.command({ query: 'CREATE DATABASE {database:Identifier}', query_params: { database } });
    await client.command({
      query: `CREATE TABLE {database:Identifier}.logs (
                model String, request_id String, at DateTime64(3, 'UTC'), score Float64, seq UInt64
              ) ENGINE = MergeTree ORDER BY (model, at)
              SETTINGS non_replicated_deduplication_window = 1000`,
      query_params: { database },
    });
  });

  afterAll(async () => {
    await client.close();
    await chdb.remove();
  });

  async function countWhere(model: string): Promise<number> {
    const rows: { n: string }[] = await queryRows(
      client,
      'SELECT count() AS n FROM {database:Identifier}.logs WHERE model = {model:String}',
      { database, model },
    );
    return Number(rows[0]?.n);
  }

  it('binds every value server-side, so quotes in values are data, not SQL', async () => {
    const hostile = "iris' OR 1=1 --";
    await insertRows(client, table, [
      {
        model: hostile,
        request_id: 'r1',
        at: '2024-01-02 03:04:05.678',
        score: 0.5,
        seq: '18446744073709551615',
      },
      { model: 'iris', request_id: 'r2', at: '2024-01-02 03:04:06.000', score: 0.7, seq: '1' },
    ]);
    const rows: LogRow[] = await queryRows(
      client,
      'SELECT model, request_id, at, score, seq FROM {database:Identifier}.logs WHERE model = {model:String}',
      { database, model: hostile },
    );
    expect(rows).toEqual([
      {
        model: hostile,
        request_id: 'r1',
        at: '2024-01-02 03:04:05.678',
        score: 0.5,
        seq: '18446744073709551615',
      },
    ]);
  });

  it('returns 64-bit integers as exact strings', async () => {
    const rows: { max: string }[] = await queryRows(
      client,
      'SELECT max(seq) AS max FROM {database:Identifier}.logs',
      { database },
    );
    expect(rows).toEqual([{ max: '18446744073709551615' }]);
  });

  it('binds Dates with their milliseconds and arrays of values', async () => {
    const rows: { request_id: string }[] = await queryRows(
      client,
      'SELECT request_id FROM {database:Identifier}.logs WHERE at = {at:DateTime64(3)} AND model IN {models:Array(String)}',
      { database, at: new Date('2024-01-02T03:04:05.678Z'), models: ['iris', "iris' OR 1=1 --"] },
    );
    expect(rows).toEqual([{ request_id: 'r1' }]);
  });

  it('rejects a params object with a value no placeholder uses', async () => {
    const loose = queryRows as (c: ClickHouseClient, sql: string, params: object) => Promise<unknown[]>;
    await expect(loose(client, 'SELECT {a:String} AS a', { a: 'x', b: 'typo' })).rejects.toThrow(
      'query parameter(s) b have no {name:Type} placeholder in the SQL',
    );
  });

  it('lands a batch repeated with the same insert_deduplication_token once', async () => {
    const batch = [
      { model: 'dedup', request_id: 'a', at: '2024-01-01 00:00:00.000', score: 1, seq: '1' },
      { model: 'dedup', request_id: 'b', at: '2024-01-01 00:00:01.000', score: 2, seq: '2' },
    ];
    await insertRows(client, table, batch, { dedupToken: 'flywheel.inference.logs.v1:0:100-101' });
    await insertRows(client, table, batch, { dedupToken: 'flywheel.inference.logs.v1:0:100-101' });
    expect(await countWhere('dedup')).toBe(2);
  });

  it('lands identical rows sent under different tokens, as distinct batches', async () => {
    const row = { model: 'twice', request_id: 'a', at: '2024-01-01 00:00:00.000', score: 1, seq: '1' };
    await insertRows(client, table, [row], { dedupToken: 'topic:0:1-1' });
    await insertRows(client, table, [row], { dedupToken: 'topic:0:2-2' });
    expect(await countWhere('twice')).toBe(2);
  });

  it('does not let a previous token leak into a later insert without one', async () => {
    await insertRows(
      client,
      table,
      [{ model: 'leak', request_id: 'x', at: '2024-01-01 00:00:00.000', score: 1, seq: '1' }],
      {
        dedupToken: 'leak-token',
      },
    );
    await insertRows(client, table, [
      { model: 'leak', request_id: 'y', at: '2024-01-01 00:00:00.000', score: 2, seq: '2' },
    ]);
    expect(await countWhere('leak')).toBe(2);
  });

  it('inserts array rows in the order of the named columns (JSONCompactEachRow)', async () => {
    await insertRows(client, table, [['compact', 'c1', 1_704_067_200_123, 0.25, '7']], {
      columns: ['model', 'request_id', 'at', 'score', 'seq'],
    });
    const rows: { request_id: string; at: string; score: number }[] = await queryRows(
      client,
      "SELECT request_id, toString(at) AS at, score FROM {database:Identifier}.logs WHERE model = 'compact'",
      { database },
    );
    expect(rows).toEqual([{ request_id: 'c1', at: '2024-01-01 00:00:00.123', score: 0.25 }]);
    await expect(insertRows(client, table, [['x']], { columns: ['model) SELECT 1 --'] })).rejects.toThrow(
      'insertRows columns must be a non-empty list of plain identifiers',
    );
  });

  it('reports rows ClickHouse cannot parse as a ClickHouse error with its code', async () => {
    await expect(
      insertRows(client, table, [['bad', 'b1', 'not a time', 0.5, '1']], {
        columns: ['model', 'request_id', 'at', 'score', 'seq'],
      }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^\d+$/) as unknown,
      type: expect.stringMatching(/^CANNOT_PARSE|INCORRECT_DATA/) as unknown,
    });
    const counts: { n: string }[] = await queryRows(
      client,
      "SELECT count() AS n FROM {database:Identifier}.logs WHERE model = 'bad'",
      { database },
    );
    expect(counts).toEqual([{ n: '0' }]);
  });

  it('treats an empty batch as a no-op and rejects a table name that is not an identifier', async () => {
    await expect(insertRows(client, table, [])).resolves.toBeUndefined();
    await expect(insertRows(client, 'logs; DROP TABLE x', [{ a: 1 }])).rejects.toThrow(
      'insertRows table must be "table" or "database.table", got "logs; DROP TABLE x"',
    );
  });
});
