import type { ChildServer } from './child-server';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

/** A tracking server under test: MLflow REST at `baseUrl`, removed with everything it created. */
export interface BenchServer {
  readonly name: 'flywheel' | 'mlflow';
  readonly description: string;
  readonly baseUrl: URL;
  dispose(): Promise<void>;
}

interface StartedServer {
  server: ChildServer;
  name: BenchServer['name'];
  description: string;
}

/**
 * Starts a server on a fresh database of the stack's PostgreSQL; the database is dropped with the
 * server, or at once when the start fails.
 */
export async function startOnScratchDatabase(
  databaseName: string,
  start: (database: ScratchDatabase) => Promise<StartedServer>,
): Promise<BenchServer> {
  const database = await createScratchDatabase(databaseName);
  try {
    const { server, name, description } = await start(database);
    return {
      name,
      description: `${description}, database ${database.name}`,
      baseUrl: server.baseUrl,
      dispose: async () => {
        await server.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
