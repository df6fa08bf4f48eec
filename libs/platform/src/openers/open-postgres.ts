import { createPgPool, openEmbeddedPostgres, type PgPool } from '@flywheel/postgres';
import type { OpenedResource } from '../opened-resource';
import type { PostgresPlan } from '../resource-plan';

/**
 * A pool to the configured server, or to the embedded PGlite of the data folder: started by
 * this process on an ephemeral loopback port, or, when another process (a running
 * `flywheel start`) already has the folder open, that process's server.
 */
export async function openPostgres(plan: PostgresPlan): Promise<OpenedResource<PgPool>> {
  if (plan.kind === 'server') return poolResource(createPgPool({ connectionString: plan.url }));
  const server = await openEmbeddedPostgres({ dataDir: plan.dataDir, port: 0 });
  const pool = poolResource(createPgPool({ connectionString: server.connectionString }));
  return {
    ...pool,
    close: async () => {
      try {
        await pool.close();
      } finally {
        await server.stop();
      }
    },
  };
}

function poolResource(pool: PgPool): OpenedResource<PgPool> {
  return {
    value: pool,
    check: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.close(),
  };
}
