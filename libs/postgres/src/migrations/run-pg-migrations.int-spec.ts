import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testStack, uniqueName } from '@flywheel/testing';
import { migrationDir, SAMPLE_MIGRATIONS } from '../../test/migration-dir';
import { createPgPool, type PgPool } from '../pg-pool';
import { MigrationChecksumMismatchError, MigrationFailedError } from './migration-errors';
import { runPgMigrations } from './run-pg-migrations';

describe('runPgMigrations against PostgreSQL', () => {
  let pool: PgPool;
  const schemas: string[] = [];

  /** A fresh schema name, dropped after the suite. */
  function freshSchema(): string {
    const schema = uniqueName('pgmig');
    schemas.push(schema);
    return schema;
  }

  beforeAll(() => {
    pool = createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 12 });
  });

  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.close();
  });

  it('applies files in name order inside the schema and records name, checksum and time', async () => {
    const schema = freshSchema();
    const files = await migrationDir(SAMPLE_MIGRATIONS);
    try {
      const report = await runPgMigrations(pool, { schema, dir: files.dir });
      expect(report).toEqual({
        applied: ['0001_create_runs.sql', '0002_add_status.sql', '0010_seed.sql'],
        alreadyApplied: [],
      });
      const runs = await pool.query(`SELECT name, status FROM "${schema}".runs`);
      expect(runs.rows).toEqual([{ name: 'seed', status: 'finished' }]);
      const recorded = await pool.query<{ name: string; checksum: string; applied_at: Date }>(
        `SELECT name, checksum, applied_at FROM "${schema}".schema_migrations ORDER BY name`,
      );
      expect(recorded.rows.map((row) => row.name)).toEqual(report.applied);
      for (const row of recorded.rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.applied_at).toBeInstanceOf(Date);
      }
    } finally {
      await files.remove();
    }
  });

  it('is a no-op when run again, and applies only files added since', async () => {
    const schema = freshSchema();
    const files = await migrationDir(SAMPLE_MIGRATIONS);
    try {
      await runPgMigrations(pool, { schema, dir: files.dir });
      expect(await runPgMigrations(pool, { schema, dir: files.dir })).toEqual({
        applied: [],
        alreadyApplied: Object.keys(SAMPLE_MIGRATIONS),
      });
      await writeFile(join(files.dir, '0011_more.sql'), "INSERT INTO runs (name) VALUES ('later');");
      const third = await runPgMigrations(pool, { schema, dir: files.dir });
      expect(third.applied).toEqual(['0011_more.sql']);
    } finally {
      await files.remove();
    }
  });

  it('refuses to start when an applied file was edited, naming the file, and applies nothing new', async () => {
    const schema = freshSchema();
    const files = await migrationDir(SAMPLE_MIGRATIONS);
    try {
      await runPgMigrations(pool, { schema, dir: files.dir });
      await writeFile(join(files.dir, '0002_add_status.sql'), 'ALTER TABLE runs ADD COLUMN edited int;');
      await writeFile(join(files.dir, '0020_new.sql'), 'CREATE TABLE never_created (id int);');
      const run = runPgMigrations(pool, { schema, dir: files.dir });
      await expect(run).rejects.toBeInstanceOf(MigrationChecksumMismatchError);
      await expect(run).rejects.toThrow(
        /migration 0002_add_status\.sql was already applied to schema .* checksum/,
      );
      const created = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [
        `"${schema}".never_created`,
      ]);
      expect(created.rows[0]?.t).toBeNull();
    } finally {
      await files.remove();
    }
  });

  it('rolls back a failing file, leaves it unrecorded and names it in the error', async () => {
    const schema = freshSchema();
    const files = await migrationDir({
      '0001_ok.sql': 'CREATE TABLE ok (id int);',
      '0002_broken.sql': 'CREATE TABLE half (id int);\nSELECT no_such_function();',
    });
    try {
      const run = runPgMigrations(pool, { schema, dir: files.dir });
      await expect(run).rejects.toBeInstanceOf(MigrationFailedError);
      await expect(run).rejects.toThrow(/migration 0002_broken\.sql failed in schema .*no_such_function/);
      const recorded = await pool.query(`SELECT name FROM "${schema}".schema_migrations`);
      expect(recorded.rows).toEqual([{ name: '0001_ok.sql' }]);
      const half = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [
        `"${schema}".half`,
      ]);
      expect(half.rows[0]?.t).toBeNull();
    } finally {
      await files.remove();
    }
  });

  it('applies each file exactly once when two migrators start together on a fresh schema', async () => {
    const schema = freshSchema();
    const files = await migrationDir(SAMPLE_MIGRATIONS);
    // Separate pools, like two replicas of a service.
    const replicaPools = [0, 1].map(() =>
      createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 2 }),
    );
    try {
      const reports = await Promise.all(
        replicaPools.map((replica) => runPgMigrations(replica, { schema, dir: files.dir })),
      );
      const applied = reports.flatMap((report) => report.applied).sort();
      expect(applied).toEqual(Object.keys(SAMPLE_MIGRATIONS));
      for (const report of reports)
        expect([...report.applied, ...report.alreadyApplied].sort()).toEqual(Object.keys(SAMPLE_MIGRATIONS));
      const seeded = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".runs`);
      expect(seeded.rows[0]?.n).toBe(1);
    } finally {
      await Promise.all(replicaPools.map((replica) => replica.close()));
      await files.remove();
    }
  });

  it('lets the pool reuse the migration connection with its statement timeout restored', async () => {
    const schema = freshSchema();
    const files = await migrationDir(SAMPLE_MIGRATIONS);
    const single = createPgPool({
      connectionString: testStack().databaseUrl,
      maxConnections: 1,
      statementTimeoutMs: 1234,
    });
    try {
      await runPgMigrations(single, { schema, dir: files.dir });
      const timeout = await single.query<{ statement_timeout: string }>('SHOW statement_timeout');
      expect(timeout.rows[0]?.statement_timeout).toBe('1234ms');
      const locks = await single.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()",
      );
      expect(locks.rows[0]?.n).toBe(0);
    } finally {
      await single.close();
      await files.remove();
    }
  });

  it('rejects a folder that does not exist, naming it', async () => {
    await expect(
      runPgMigrations(pool, { schema: freshSchema(), dir: '/nonexistent/migrations' }),
    ).rejects.toThrow('cannot read migrations folder /nonexistent/migrations');
  });
});
