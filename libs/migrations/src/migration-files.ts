import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MigrationFile {
  /** File name, e.g. `0001_create_runs.sql`; the order and the identity of a migration. */
  name: string;
  sql: string;
  /** SHA-256 of the file's bytes, hex. */
  checksum: string;
}

/** The `.sql` files of `dir`, sorted by name (code-unit order, so zero-pad the numbers). */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`cannot read migrations folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sql'))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(dir, name));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}
