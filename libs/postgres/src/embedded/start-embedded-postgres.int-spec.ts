import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Generated } from 'kysely';
import { Client } from 'pg';
import { createKysely, createPgPool, runPgMigrations, type PgPool } from '../index';
import { migrationDir, SAMPLE_MIGRATIONS } from '../../test/migration-dir';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './start-embedded-postgres';

interface RunsTable {
  id: Generated<string>;
  name: string;
  status: string;
}

describe('startEmbeddedPostgres (PGlite behind the wire protocol)', () => {
  let dataDir: string;
  let server: EmbeddedPostgres;
  let pool: PgPool;
  let migrations: Awaited<ReturnType<typeof migrationDir>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-pglite-'));
    migrations = await migrationDir(SAMPLE_MIGRATIONS);
    server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'nested', 'db'), port: 0 });
    pool = createPgPool({ connectionString: server.connectionString, maxConnections: 8 });
  });

  afterAll(async () => {
    await pool.close();
    await server.stop();
    await migrations.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on an ephemeral loopback port', () => {
    expect(server.connectionString).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(server.connectionString).not.toMatch(/:0\//);
  });

  it('applies SQL migrations through pg and records them', async () => {
    const report = await runPgMigrations(pool, { schema: 'tracking', dir: migrations.dir });
    expect(report.applied).toEqual(['0001_create_runs.sql', '0002_add_status.sql', '0010_seed.sql']);
    const recorded = await pool.query<{ name: string }>(
      'SELECT name FROM tracking.schema_migrations ORDER BY name',
    );
    expect(recorded.rows.map((row) => row.name)).toEqual(report.applied);
  });

  it('applies each migration once when two migrators race, although advisory locks are shared by all connections', async () => {
    const reports = await Promise.all([
      runPgMigrations(pool, { schema: 'registry', dir: migrations.dir }),
      runPgMigrations(pool, { schema: 'registry', dir: migrations.dir }),
    ]);
    const appliedCount = reports.flatMap((report) => report.applied).length;
    expect(appliedCount).toBe(3);
    const seeded = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM registry.runs WHERE name = 'seed'",
    );
    expect(seeded.rows[0]?.n).toBe(1);
  });

  it('serves concurrent parameterized queries from a pool of several connections', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        pool.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [i, `v${i}`]),
      ),
    );
    results.forEach((result, i) => expect(result.rows[0]).toEqual({ n: i, s: `v${i}` }));
  });

  it('keeps an open transaction invisible to other connections and rolls it back', async () => {
    let outside: Promise<{ rows: { n: number }[] }> | undefined;
    const inserted = pool.withTransaction(async (client) => {
      await client.query("INSERT INTO tracking.runs (name) VALUES ('in-tx')");
      // Issued from another connection while the transaction is open; never awaited inside
      // it, because PGlite runs other connections' statements only after it ends.
      outside = pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM tracking.runs WHERE name = 'in-tx'",
      );
      const inside = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM tracking.runs WHERE name = 'in-tx'",
      );
      expect(inside.rows[0]?.n).toBe(1);
      throw new Error('abort on purpose');
    });
    await expect(inserted).rejects.toThrow('abort on purpose');
    expect((await outside!).rows[0]?.n).toBe(0);
  });

  it('runs Kysely queries over the same pool', async () => {
    const db = createKysely<{ 'tracking.runs': RunsTable }>(pool);
    await db.insertInto('tracking.runs').values({ name: 'kysely', status: 'finished' }).execute();
    const row = await db
      .selectFrom('tracking.runs')
      .select(['name', 'status'])
      .where('name', '=', 'kysely')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'kysely', status: 'finished' });
    await db.destroy();
    // destroy() leaves the shared pool open.
    expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
  });

  it('refuses to open the same data directory twice in one process', async () => {
    await expect(startEmbeddedPostgres({ dataDir: join(dataDir, 'nested', 'db') })).rejects.toThrow(
      /is already open in this process/,
    );
  });

  it('names the port when it is already taken, and frees the data directory again', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const otherDir = join(dataDir, 'port-clash');
    try {
      await expect(startEmbeddedPostgres({ dataDir: otherDir, port })).rejects.toThrow(
        `embedded PostgreSQL cannot listen on 127.0.0.1:${port}: listen EADDRINUSE`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const retry = await startEmbeddedPostgres({ dataDir: otherDir, port });
    await retry.stop();
  });

  it('rejects a maxConnections of 1, which a pg pool cannot work with', async () => {
    await expect(
      startEmbeddedPostgres({ dataDir: join(dataDir, 'other'), maxConnections: 1 }),
    ).rejects.toThrow(/maxConnections must be an integer >= 2/);
  });
});

describe('startEmbeddedPostgres connection limit', () => {
  it('refuses a connection beyond maxConnections with a PostgreSQL error', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flywheel-pglite-'));
    const server = await startEmbeddedPostgres({ dataDir, maxConnections: 2 });
    const clients = [0, 1, 2].map(() => new Client({ connectionString: server.connectionString }));
    try {
      await clients[0]!.connect();
      await clients[1]!.connect();
      await expect(clients[2]!.connect()).rejects.toThrow('sorry, too many clients already (max 2)');
      expect((await clients[1]!.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await Promise.all(clients.slice(0, 2).map((client) => client.end()));
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('startEmbeddedPostgres persistence', () => {
  it('keeps data on disk across a stop and restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flywheel-pglite-'));
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      const firstPool = createPgPool({ connectionString: first.connectionString, maxConnections: 2 });
      await firstPool.query('CREATE TABLE kept (v text)');
      await firstPool.query("INSERT INTO kept VALUES ('still here')");
      await firstPool.close();
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir });
      const secondPool = createPgPool({ connectionString: second.connectionString, maxConnections: 2 });
      const rows = await secondPool.query('SELECT v FROM kept');
      await secondPool.close();
      await second.stop();
      expect(rows.rows).toEqual([{ v: 'still here' }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
