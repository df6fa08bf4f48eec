import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrationFiles } from './migration-files';

describe('readMigrationFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'migrations-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns only .sql files, ordered by name, with the SHA-256 of their bytes', async () => {
    await writeFile(join(dir, '0002_b.sql'), 'SELECT 2;');
    await writeFile(join(dir, '0001_a.sql'), 'SELECT 1;');
    await writeFile(join(dir, 'README.md'), 'not a migration');
    await mkdir(join(dir, '0003_dir.sql'));
    const files = await readMigrationFiles(dir);
    expect(files.map((f) => f.name)).toEqual(['0001_a.sql', '0002_b.sql']);
    expect(files[0]).toEqual({
      name: '0001_a.sql',
      sql: 'SELECT 1;',
      checksum: createHash('sha256').update('SELECT 1;').digest('hex'),
    });
  });

  it('names the folder when it cannot be read', async () => {
    await expect(readMigrationFiles(join(dir, 'missing'))).rejects.toThrow(/cannot read migrations folder .*missing/);
  });
});
