import { Kysely, PostgresDialect } from 'kysely';
import type { PgPool } from './pg-pool';

/**
 * A Kysely instance that borrows connections from `pool`. The pool keeps its own lifetime:
 * `kysely.destroy()` does not end it, `pool.close()` does, so either may be called first.
 */
export function createKysely<DB>(pool: PgPool): Kysely<DB> {
  return new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: { connect: () => pool.connect(), end: () => Promise.resolve() },
    }),
  });
}
