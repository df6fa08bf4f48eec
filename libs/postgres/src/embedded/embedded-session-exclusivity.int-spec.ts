import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool, type PgPool } from '../index';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './start-embedded-postgres';

// PGlite is a single PostgreSQL session; these tests prove that connections of one pool never
// interleave inside it (extended-protocol sequences and transactions stay whole).
describe('embedded PostgreSQL session exclusivity', () => {
  let dataDir: string;
  let server: EmbeddedPostgres;
  let pool: PgPool;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-pglite-excl-'));
    server = await startEmbeddedPostgres({ dataDir });
    pool = createPgPool({ connectionString: server.connectionString, maxConnections: 10 });
    await pool.query('CREATE TABLE items (worker int NOT NULL, n int NOT NULL)');
  });

  afterAll(async () => {
    await pool.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps concurrent transactions, parameterized queries and a rollback from mixing', async () => {
    const workers = 12;
    const rowsPerWorker = 4;
    const transactions = Array.from({ length: workers }, (_, worker) =>
      pool.withTransaction(async (client) => {
        for (let n = 0; n < rowsPerWorker; n += 1) {
          await client.query('INSERT INTO items (worker, n) VALUES ($1, $2)', [worker, n]);
        }
        const seen = await client.query<{ c: number }>(
          'SELECT count(*)::int AS c FROM items WHERE worker = $1',
          [worker],
        );
        return seen.rows[0]?.c;
      }),
    );
    const rolledBack = pool.withTransaction(async (client) => {
      for (let n = 0; n < rowsPerWorker; n += 1) {
        await client.query('INSERT INTO items (worker, n) VALUES ($1, $2)', [-1, n]);
        await client.query('SELECT $1::int AS n', [n]);
      }
      throw new Error('roll back on purpose');
    });
    const autocommitInserts = Array.from({ length: 40 }, (_, n) =>
      pool.query('INSERT INTO items (worker, n) VALUES ($1, $2)', [1000, n]),
    );
    const plainQueries = Array.from({ length: 100 }, (_, i) =>
      pool.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [i, `v${i}`]),
    );

    const [seenCounts, rollbackOutcome, , plainResults] = await Promise.all([
      Promise.all(transactions),
      rolledBack.then(
        () => 'committed',
        (error: Error) => error.message,
      ),
      Promise.all(autocommitInserts),
      Promise.all(plainQueries),
    ]);

    expect(seenCounts).toEqual(Array.from({ length: workers }, () => rowsPerWorker));
    expect(rollbackOutcome).toBe('roll back on purpose');
    plainResults.forEach((result, i) => expect(result.rows[0]).toEqual({ n: i, s: `v${i}` }));
    const counts = await pool.query<{ worker: number; c: number }>(
      'SELECT worker, count(*)::int AS c FROM items GROUP BY worker ORDER BY worker',
    );
    expect(counts.rows).toEqual([
      ...Array.from({ length: workers }, (_, worker) => ({ worker, c: rowsPerWorker })),
      // None of the other connections' autocommit inserts were absorbed by the rollback.
      { worker: 1000, c: 40 },
    ]);
  });

  it('rolls back and hands over the session when a connection closes mid-transaction', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO items (worker, n) VALUES ($1, $2)', [-2, 0]);
    const waiting = pool.query<{ c: number }>('SELECT count(*)::int AS c FROM items WHERE worker = $1', [-2]);
    client.release(new Error('drop the connection mid-transaction'));
    expect((await waiting).rows[0]?.c).toBe(0);
    expect((await pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
  });

  it('does not block other connections while an idle connection holds a LISTEN', async () => {
    const listener = await pool.connect();
    try {
      await listener.query('LISTEN flywheel_events');
      const results = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => pool.query<{ n: number }>('SELECT $1::int AS n', [i])),
        pool.withTransaction((client) =>
          client.query<{ n: number }>('INSERT INTO items (worker, n) VALUES ($1, $2) RETURNING n', [2000, 7]),
        ),
      ]);
      expect(results.map((result) => result.rows[0]?.n)).toEqual([
        ...Array.from({ length: 20 }, (_, i) => i),
        7,
      ]);
    } finally {
      await listener.query('UNLISTEN *');
      listener.release();
    }
  });
});
