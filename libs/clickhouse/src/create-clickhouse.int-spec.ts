import type { ClickHouseClient } from '@clickhouse/client';
import { tempChdbDir } from '../test/temp-chdb';
import { createClickHouse } from './create-clickhouse';

describe('createClickHouse over chDB', () => {
  let chdb: Awaited<ReturnType<typeof tempChdbDir>>;
  let client: ClickHouseClient;

  beforeAll(async () => {
    chdb = await tempChdbDir();
    client = createClickHouse(chdb.url);
  });

  afterAll(async () => {
    await client.close();
    await chdb.remove();
  });

  it('runs the ClickHouse engine in process through @clickhouse/client', async () => {
    const result = await client.query({
      query: 'SELECT version() AS v, 1 + 1 AS two',
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ v: string; two: number }>();
    expect(row?.two).toBe(2);
    expect(Number(row?.v.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('supports command, JSONEachRow insert and {name:Type} query_params', async () => {
    await client.command({
      query: 'CREATE TABLE default.kv (k String, v UInt32) ENGINE = MergeTree ORDER BY k',
    });
    await client.insert({
      table: 'default.kv',
      values: [
        { k: "it's", v: 1 },
        { k: 'b', v: 2 },
      ],
      format: 'JSONEachRow',
    });
    const result = await client.query({
      query: 'SELECT k, v FROM {db:Identifier}.kv WHERE k = {k:String} AND v IN {vs:Array(UInt32)}',
      query_params: { db: 'default', k: "it's", vs: [1, 3] },
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ k: "it's", v: 1 }]);
  });

  it('shares one data directory between clients of the same path', async () => {
    const second = createClickHouse(chdb.url);
    try {
      const result = await second.query({
        query: 'SELECT count() AS n FROM default.kv',
        format: 'JSONEachRow',
      });
      expect(await result.json()).toEqual([{ n: 2 }]);
    } finally {
      await second.close();
    }
    // Closing one client leaves the others working.
    await expect(client.query({ query: 'SELECT 1', format: 'JSONEachRow' })).resolves.toBeDefined();
  });

  it('refuses a second data directory while the first is open, explaining why', () => {
    expect(() => createClickHouse(`${chdb.url}-other`)).toThrow(
      /cannot open chDB data directory .*-other: .*one data directory per process/,
    );
  });

  it('keeps clickhouse_settings on the session: a setting sent once applies to later queries', async () => {
    // Documented gap versus HTTP, where settings are per request; insertRows and queryRows
    // always send the settings they rely on for this reason.
    await client.query({ query: 'SELECT 1', format: 'JSONEachRow', clickhouse_settings: { max_threads: 3 } });
    const result = await client.query({
      query: "SELECT getSetting('max_threads') AS t",
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ t: 3 }]);
  });
});

describe('createClickHouse over HTTP', () => {
  it('targets the host and port of the URL', async () => {
    const client = createClickHouse('http://flywheel:secret@127.0.0.1:1/flywheel', {
      requestTimeoutMs: 2000,
    });
    try {
      await expect(client.query({ query: 'SELECT 1' })).rejects.toThrow(/ECONNREFUSED 127\.0\.0\.1:1/);
    } finally {
      await client.close();
    }
  });
});
