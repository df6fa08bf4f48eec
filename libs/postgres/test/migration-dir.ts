import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary migrations folder holding `files` (name -> SQL); `remove()` deletes it. */
export async function migrationDir(
  files: Record<string, string>,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'flywheel-pg-migrations-'));
  await Promise.all(Object.entries(files).map(([name, sql]) => writeFile(join(dir, name), sql)));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Three migrations that create, alter and seed a table, using unqualified names. */
export const SAMPLE_MIGRATIONS = {
  '0001_create_runs.sql': 'CREATE TABLE runs (id bigserial PRIMARY KEY, name text NOT NULL);',
  '0002_add_status.sql':
    "ALTER TABLE runs ADD COLUMN status text NOT NULL DEFAULT 'running';\nCREATE INDEX runs_status ON runs (status);",
  '0010_seed.sql': "INSERT INTO runs (name, status) VALUES ('seed', 'finished');",
};
