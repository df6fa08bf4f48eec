import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { uniqueName } from '@flywheel/testing';
import { tempChdbDir } from '../../test/temp-chdb';
import { createClickHouse } from '../create-clickhouse';
import { queryRows } from '../query/query-rows';
import { ClickHouseMigrationChecksumMismatchError, ClickHouseMigrationFailedError } from './migration-errors';
import { runClickHouseMigrations } from './run-clickhouse-migrations';

const MIGRATIONS = {
  '0001_logs.sql': `-- inference logs; one row per request
CREATE TABLE IF NOT EXISTS {database:Identifier}.logs (
  model String,
  payload String DEFAULT '{}'
) ENGINE = MergeTree ORDER BY model;
CREATE TABLE IF NOT EXISTS {database:Identifier}.feedback (request_id String) ENGINE = MergeTree ORDER BY request_id;
`,
  '0002_seed.sql': "INSERT INTO {database:Identifier}.logs (model) VALUES ('seed; with semicolon');\n",
};

describe('runClickHouseMigrations over chDB', () => {
  let chdb: Awaited<ReturnType<typeof tempChdbDir>>;
  let client: ClickHouseClient;
  let dir: string;

  beforeAll(async () => {
    chdb = await tempChdbDir();
    client = createClickHouse(chdb.url);
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flywheel-ch-migrations-'));
    for (const [name, sql] of Object.entries(MIGRATIONS)) await writeFile(join(dir, name), sql);
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  afterAll(async () => {
    await client.close();
    await chdb.remove();
  });

  it('creates the database, applies multi-statement files in order and records them', async () => {
    const database = uniqueName('chmig');
    const report = await runClickHouseMigrations(client, { database, dir });
    expect(report).toEqual({ applied: ['0001_logs.sql', '0002_seed.sql'], alreadyApplied: [] });
    const tables: { name: string }[] = await queryRows(
      client,
      'SELECT name FROM system.tables WHERE database = {database:String} ORDER BY name',
      { database },
    );
    expect(tables.map((t) => t.name)).toEqual(['feedback', 'logs', 'schema_migrations']);
    const recorded: { name: string; checksum: string }[] = await queryRows(
      client,
      'SELECT name, checksum FROM {database:Identifier}.schema_migrations FINAL ORDER BY name',
      { database },
    );
    expect(recorded.map((r) => r.name)).toEqual(report.applied);
    recorded.forEach((r) => expect(r.checksum).toMatch(/^[0-9a-f]{64}$/));
  });

  it('applies nothing on a re-run, so seed rows land once', async () => {
    const database = uniqueName('chmig');
    await runClickHouseMigrations(client, { database, dir });
    const again = await runClickHouseMigrations(client, { database, dir });
    expect(again).toEqual({ applied: [], alreadyApplied: ['0001_logs.sql', '0002_seed.sql'] });
    const rows: { model: string }[] = await queryRows(
      client,
      'SELECT model FROM {database:Identifier}.logs',
      { database },
    );
    expect(rows).toEqual([{ model: 'seed; with semicolon' }]);
  });

  it('refuses an edited applied file, naming it, before applying new ones', async () => {
    const database = uniqueName('chmig');
    await runClickHouseMigrations(client, { database, dir });
    await writeFile(join(dir, '0001_logs.sql'), 'SELECT 1;');
    await writeFile(
      join(dir, '0003_new.sql'),
      'CREATE TABLE {database:Identifier}.never (x UInt8) ENGINE = Memory;',
    );
    const run = runClickHouseMigrations(client, { database, dir });
    await expect(run).rejects.toBeInstanceOf(ClickHouseMigrationChecksumMismatchError);
    await expect(run).rejects.toThrow(
      /ClickHouse migration 0001_logs\.sql was already applied to database \w+ with checksum/,
    );
    const never: { n: string }[] = await queryRows(
      client,
      "SELECT count() AS n FROM system.tables WHERE database = {database:String} AND name = 'never'",
      { database },
    );
    expect(never).toEqual([{ n: '0' }]);
  });

  it('names the file and statement that failed and leaves the file unrecorded', async () => {
    const database = uniqueName('chmig');
    await writeFile(
      join(dir, '0003_broken.sql'),
      'SELECT 1;\nSELECT * FROM {database:Identifier}.missing_table;\n',
    );
    const run = runClickHouseMigrations(client, { database, dir });
    await expect(run).rejects.toBeInstanceOf(ClickHouseMigrationFailedError);
    await expect(run).rejects.toThrow(
      /ClickHouse migration 0003_broken\.sql failed at statement 2 in database \w+: .*missing_table/,
    );
    const recorded: { name: string }[] = await queryRows(
      client,
      'SELECT name FROM {database:Identifier}.schema_migrations FINAL ORDER BY name',
      { database },
    );
    expect(recorded.map((r) => r.name)).toEqual(['0001_logs.sql', '0002_seed.sql']);
  });

  it('applies and records migrations in a database named like a keyword', async () => {
    const database = 'table';
    try {
      await expect(runClickHouseMigrations(client, { database, dir })).resolves.toEqual({
        applied: ['0001_logs.sql', '0002_seed.sql'],
        alreadyApplied: [],
      });
      await expect(runClickHouseMigrations(client, { database, dir })).resolves.toEqual({
        applied: [],
        alreadyApplied: ['0001_logs.sql', '0002_seed.sql'],
      });
    } finally {
      await client.command({
        query: 'DROP DATABASE IF EXISTS {database:Identifier}',
        query_params: { database },
      });
    }
  });

  it('rejects a database name that is not an identifier', async () => {
    await expect(runClickHouseMigrations(client, { database: 'a-b', dir })).rejects.toThrow(
      'ClickHouse migration database must be an identifier, got "a-b"',
    );
  });
});
