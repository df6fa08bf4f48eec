import { testStack, uniqueName } from '@flywheel/testing';
import { createKysely } from './kysely';
import { PgConnectionError } from './pg-connection-error';
import { createPgPool, type PgPool } from './pg-pool';

interface Db {
  items: { id: number; label: string };
}

describe('PgPool against PostgreSQL', () => {
  let pool: PgPool;
  let schema: string;

  beforeAll(async () => {
    pool = createPgPool({
      connectionString: testStack().databaseUrl,
      statementTimeoutMs: 200,
      applicationName: 'flywheel-pool-test',
    });
    schema = uniqueName('pgpool');
    await pool.query(`CREATE SCHEMA "${schema}"`);
    await pool.query(`CREATE TABLE "${schema}".items (id int PRIMARY KEY, label text NOT NULL)`);
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.close();
  });

  it('cancels a statement that runs past the statement timeout', async () => {
    await expect(pool.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
  });

  it('reports the application name to the server', async () => {
    const result = await pool.query<{ name: string }>("SELECT current_setting('application_name') AS name");
    expect(result.rows[0]?.name).toBe('flywheel-pool-test');
  });

  it('commits a transaction that succeeds and rolls back one that throws', async () => {
    await pool.withTransaction((client) => client.query(`INSERT INTO "${schema}".items VALUES (1, 'kept')`));
    await expect(
      pool.withTransaction(async (client) => {
        await client.query(`INSERT INTO "${schema}".items VALUES (2, 'dropped')`);
        throw new Error('rollback on purpose');
      }),
    ).rejects.toThrow('rollback on purpose');
    const rows = await pool.query(`SELECT id, label FROM "${schema}".items ORDER BY id`);
    expect(rows.rows).toEqual([{ id: 1, label: 'kept' }]);
  });

  it('runs typed Kysely queries on the pool, which outlives kysely.destroy()', async () => {
    const db = createKysely<Db>(pool).withSchema(schema);
    await db.insertInto('items').values({ id: 3, label: 'typed' }).execute();
    const row = await db
      .selectFrom('items')
      .select(['id', 'label'])
      .where('id', '=', 3)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 3, label: 'typed' });
    await db.destroy();
    await expect(pool.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });
});

describe('PgPool connection errors', () => {
  it('names the unreachable server (without its password) and the cause', async () => {
    const pool = createPgPool({
      connectionString: 'postgres://flywheel:topsecret@127.0.0.1:1/flywheel',
      connectionTimeoutMs: 2000,
    });
    try {
      const query = pool.query('SELECT 1');
      await expect(query).rejects.toBeInstanceOf(PgConnectionError);
      await expect(query).rejects.toThrow(
        /^cannot connect to PostgreSQL at postgres:\/\/flywheel@127\.0\.0\.1:1\/flywheel: .*ECONNREFUSED/,
      );
      await expect(query).rejects.not.toThrow(/topsecret/);
    } finally {
      await pool.close();
    }
  });

  it('names the server when the credentials are rejected', async () => {
    const url = new URL(testStack().databaseUrl);
    url.password = 'wrong-password';
    const pool = createPgPool({ connectionString: url.toString() });
    try {
      await expect(pool.query('SELECT 1')).rejects.toThrow(
        /^cannot connect to PostgreSQL at postgres:\/\/\w+@[^:]+:\d+\/\w+: .*password/,
      );
    } finally {
      await pool.close();
    }
  });

  it('rejects a malformed URL before connecting', () => {
    expect(() => createPgPool({ connectionString: 'not a url' })).toThrow(
      'PgPoolConfig.connectionString is not a valid URL',
    );
  });
});
