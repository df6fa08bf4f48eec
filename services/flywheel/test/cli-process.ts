import { execFileSync, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { recordProcessOutput } from '@flywheel/testing';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(REPO_ROOT, 'services', 'flywheel', 'dist', 'main.js');

/** Builds the CLI and its dependencies the way `npm start` does (Nx caches unchanged projects). */
export function buildCli(): void {
  execFileSync('npx', ['nx', 'run', 'flywheel:build', '--output-style=static'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
}

/** A running `node services/flywheel/dist/main.js` process. */
export interface CliProcess {
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Sends a signal; does nothing once the process has exited. */
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  /** Resolves once stdout contains `text`; rejects with the output so far after `timeoutMs` or on exit. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
}

export function spawnCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  recordProcessOutput(child, `flywheel-${args[0] ?? 'cli'}`);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return {
    pid: child.pid!,
    stdout: () => stdout,
    stderr: () => stderr,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
    waitForOutput(text, timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (stdout.includes(text)) finish(resolve);
        };
        const fail = (why: string) => () =>
          finish(() =>
            reject(new Error(`${why} waiting for "${text}"\nstdout:\n${stdout}\nstderr:\n${stderr}`)),
          );
        const timer = setTimeout(fail(`timed out after ${timeoutMs} ms`), timeoutMs);
        const onExit = fail('the process exited');
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          child.stdout.off('data', check);
          child.off('exit', onExit);
          settle();
        };
        child.stdout.on('data', check);
        child.on('exit', onExit);
        check();
      });
    },
  };
}

/** Resolves with the exit code, or rejects if the process is still running after `timeoutMs`. */
export function exitWithin(cli: CliProcess, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`pid ${cli.pid} still running after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([cli.exited, timeout]).finally(() => clearTimeout(timer));
}

/** True when nothing accepts TCP connections on 127.0.0.1:port. */
export function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}
