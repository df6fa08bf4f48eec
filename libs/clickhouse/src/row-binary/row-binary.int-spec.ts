import type { ClickHouseClient } from '@clickhouse/client';
import fc from 'fast-check';
import { uniqueName } from '@flywheel/testing';
import { tempChdbDir } from '../../test/temp-chdb';
import { createClickHouse } from '../create-clickhouse';
import { insertRows } from '../query/insert-rows';
import { queryRows } from '../query/query-rows';
import type { RowBinaryFormat } from './row-binary-writer';

// The engine is the oracle: rows inserted as RowBinary must read back exactly as the same rows
// inserted as JSON, for any values the columns hold, and a replayed token must be dropped.
type Row = [
  id: string,
  version: number,
  at: number,
  features: Record<string, number>,
  tags: Record<string, string>,
  score: number,
];

const COLUMNS = ['id', 'version', 'at', 'features', 'tags', 'score'];
const FORMAT: RowBinaryFormat<Row> = {
  structure:
    "id String, version UInt32, at DateTime64(3, 'UTC'), features Map(String, Float64), tags Map(String, String), score Float64",
  write: ([id, version, at, features, tags, score], out) => {
    out.string(id).uint32(version).int64(at).float64Map(features).stringMap(tags).float64(score);
  },
};

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ minLength: 120, maxLength: 300 }),
  fc.constantFrom('', "'", '\\', '\n\n', 'ü😀'),
);
// -0 is left out: RowBinary keeps it and JSON.stringify writes it as 0 (the one difference).
const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((value) => (Object.is(value, -0) ? 0 : value));
const row: fc.Arbitrary<Row> = fc.tuple(
  text,
  fc.nat({ max: 4_294_967_295 }),
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc.dictionary(text, double, { maxKeys: 25 }),
  fc.dictionary(text, text, { maxKeys: 5 }),
  double,
);

describe('RowBinary inserts into chDB', () => {
  let chdb: Awaited<ReturnType<typeof tempChdbDir>>;
  let client: ClickHouseClient;
  let database: string;

  beforeAll(async () => {
    chdb = await tempChdbDir();
    client = createClickHouse(chdb.url);
    database = uniqueName('rowbinary');
    await client.command({ query: 'CREATE DATABASE {database:Identifier}', query_params: { database } });
    for (const table of ['binary', 'json'])
      await client.command({
        query: `CREATE TABLE {database:Identifier}.${table} (
                  seq UInt64 MATERIALIZED 0, id String, version UInt32, at DateTime64(3, 'UTC'),
                  features Map(LowCardinality(String), Float64), tags Map(LowCardinality(String), String), score Float64
                ) ENGINE = MergeTree ORDER BY id SETTINGS non_replicated_deduplication_window = 1000`,
        query_params: { database },
      });
  });

  afterAll(async () => {
    await client.close();
    await chdb.remove();
  });

  const all = async (table: 'binary' | 'json') => {
    const rows: Record<string, unknown>[] =
      table === 'binary'
        ? await queryRows(
            client,
            'SELECT id, version, toUnixTimestamp64Milli(at) AS at, features, tags, score FROM {database:Identifier}.binary ORDER BY id, version, at, score',
            { database },
          )
        : await queryRows(
            client,
            'SELECT id, version, toUnixTimestamp64Milli(at) AS at, features, tags, score FROM {database:Identifier}.json ORDER BY id, version, at, score',
            { database },
          );
    return rows;
  };

  it('stores any rows exactly as the JSON insert of the same rows does', async () => {
    const batches = fc.sample(fc.array(row, { minLength: 1, maxLength: 200 }), { numRuns: 10, seed: 42 });
    for (const [i, rows] of batches.entries()) {
      await insertRows(client, `${database}.binary`, rows, {
        columns: COLUMNS,
        rowBinary: FORMAT,
        dedupToken: `b-${i}`,
      });
      await insertRows(client, `${database}.json`, rows, { columns: COLUMNS, dedupToken: `j-${i}` });
    }
    const [binary, json] = [await all('binary'), await all('json')];
    expect(binary).toHaveLength(batches.flat().length);
    expect(binary).toEqual(json);
  });

  it('drops a replayed block with the same token', async () => {
    const rows: Row[] = [['replayed', 1, 1_795_000_000_123, { f: 1.5 }, { t: 'x' }, 0.5]];
    const count = async () => {
      const found: { n: string }[] = await queryRows(
        client,
        'SELECT count() AS n FROM {database:Identifier}.binary WHERE id = {id:String}',
        { database, id: 'replayed' },
      );
      return found[0]!.n;
    };
    await insertRows(client, `${database}.binary`, rows, {
      columns: COLUMNS,
      rowBinary: FORMAT,
      dedupToken: 'replay-1',
    });
    await insertRows(client, `${database}.binary`, rows, {
      columns: COLUMNS,
      rowBinary: FORMAT,
      dedupToken: 'replay-1',
    });
    expect(await count()).toBe('1');
    await insertRows(client, `${database}.binary`, rows, {
      columns: COLUMNS,
      rowBinary: FORMAT,
      dedupToken: 'replay-2',
    });
    expect(await count()).toBe('2');
  });

  it('fails the insert with the engine error when the structure does not match the rows', async () => {
    const broken: RowBinaryFormat<Row> = { ...FORMAT, write: ([id], out) => void out.string(id) };
    await expect(
      insertRows(client, `${database}.binary`, [['short', 1, 1, {}, {}, 0]], {
        columns: COLUMNS,
        rowBinary: broken,
      }),
    ).rejects.toThrow();
  });
});
