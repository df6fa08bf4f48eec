import { createPgPool } from './pg-pool';

describe('createPgPool', () => {
  const connectionString = 'postgres://u:p@127.0.0.1:5432/d';

  it('exposes a password-free target for logs', async () => {
    const pool = createPgPool({ connectionString });
    expect(pool.target).toBe('postgres://u@127.0.0.1:5432/d');
    await pool.close();
  });

  it('names the invalid field', () => {
    expect(() => createPgPool({ connectionString, maxConnections: 0 })).toThrow(
      'PgPoolConfig.maxConnections must be a positive integer, got 0',
    );
    expect(() => createPgPool({ connectionString, statementTimeoutMs: -1 })).toThrow(
      'PgPoolConfig.statementTimeoutMs must be an integer >= 0',
    );
    expect(() => createPgPool({ connectionString: 'http://x' })).toThrow(
      'PgPoolConfig.connectionString must use postgres://',
    );
  });

  it('can be closed twice, and refuses connections once closed', async () => {
    const pool = createPgPool({ connectionString });
    await pool.close();
    await expect(pool.close()).resolves.toBeUndefined();
    await expect(pool.connect()).rejects.toThrow(
      'PostgreSQL pool for postgres://u@127.0.0.1:5432/d is closed',
    );
  });
});
