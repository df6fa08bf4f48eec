import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool } from '../pg-pool';
import { openEmbeddedPostgres } from './open-embedded-postgres';
import { ownerFilePath } from './owner-file';
import { startEmbeddedPostgres } from './start-embedded-postgres';

/** A live process that is not this one, standing in for another Flywheel process. */
function otherProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

describe('openEmbeddedPostgres: one process opens the folder, others borrow its server', () => {
  let root: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'flywheel-pglite-owner-'));
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await rm(root, { recursive: true, force: true });
  });

  it('records its pid and address while open and removes the record on stop', async () => {
    const dataDir = join(root, 'db');
    const server = await openEmbeddedPostgres({ dataDir });
    const owner = JSON.parse(await readFile(ownerFilePath(dataDir), 'utf8')) as unknown;
    expect(owner).toEqual({ pid: process.pid, connectionString: server.connectionString });
    expect(server.ownerPid).toBe(process.pid);
    await server.stop();
    expect(existsSync(ownerFilePath(dataDir))).toBe(false);
  });

  it('takes over a record left by a process that died', async () => {
    const dataDir = join(root, 'db');
    const dead = otherProcess();
    const deadPid = dead.pid as number;
    dead.kill('SIGKILL');
    await exited(dead);
    await writeFile(ownerFilePath(dataDir), JSON.stringify({ pid: deadPid, connectionString: 'postgres://gone' }));
    const server = await openEmbeddedPostgres({ dataDir });
    try {
      expect(server.ownerPid).toBe(process.pid);
      const pool = createPgPool({ connectionString: server.connectionString });
      await expect(pool.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
      await pool.close();
    } finally {
      await server.stop();
    }
  });

  it("connects to a live owner's server instead of opening the files again, and leaves it running", async () => {
    const dataDir = join(root, 'db');
    // The owner's server (started here on another folder: chDB-style one-open-per-process
    // rules keep the real owner in another process; its pid is a live child's).
    const ownersServer = await startEmbeddedPostgres({ dataDir: join(root, 'owners') });
    const owner = otherProcess();
    children.push(owner);
    await writeFile(
      ownerFilePath(dataDir),
      JSON.stringify({ pid: owner.pid, connectionString: ownersServer.connectionString }),
    );
    try {
      const borrowed = await openEmbeddedPostgres({ dataDir });
      expect(borrowed).toMatchObject({ ownerPid: owner.pid, connectionString: ownersServer.connectionString });
      await borrowed.stop();
      // Letting go did not stop the owner's server.
      const pool = createPgPool({ connectionString: ownersServer.connectionString });
      await expect(pool.query('SELECT 2 AS two')).resolves.toMatchObject({ rows: [{ two: 2 }] });
      await pool.close();
      expect(existsSync(join(root, 'db', 'PG_VERSION'))).toBe(false);
    } finally {
      await ownersServer.stop();
    }
  });

  it('fails with the owner named when the owner dies before it starts listening', async () => {
    const dataDir = join(root, 'db');
    const owner = otherProcess();
    children.push(owner);
    await writeFile(ownerFilePath(dataDir), JSON.stringify({ pid: owner.pid }));
    setTimeout(() => owner.kill('SIGKILL'), 300);
    await expect(openEmbeddedPostgres({ dataDir })).rejects.toThrow(
      new RegExp(`held by process ${owner.pid}, which stopped while starting`),
    );
  });
});
