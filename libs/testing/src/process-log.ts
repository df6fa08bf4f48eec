import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A spawned process whose output a test reads from pipes. */
interface PipedProcess {
  readonly pid?: number | undefined;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
}

/**
 * Also writes a spawned process's stdout and stderr to `<FLYWHEEL_TEST_LOG_DIR>/<name>-<pid>.log`
 * when that variable is set (scripts/test.sh sets it and scans the folder for leaked secrets
 * afterwards). Tests keep reading the pipes as before; without the variable this does nothing.
 */
export function recordProcessOutput(child: PipedProcess, name: string, env: NodeJS.ProcessEnv = process.env): void {
  const dir = env.FLYWHEEL_TEST_LOG_DIR;
  if (dir === undefined || dir === '') return;
  mkdirSync(dir, { recursive: true });
  const file = createWriteStream(join(dir, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}-${child.pid ?? 'unknown'}.log`));
  let open = 0;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    open += 1;
    stream.on('data', (chunk: Buffer) => file.write(chunk));
    stream.once('close', () => {
      open -= 1;
      if (open === 0) file.end();
    });
  }
  if (open === 0) file.end();
}
