import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { waitFor } from '@flywheel/testing';

/** A server process the bench started, in a process group of its own (MLflow forks workers). */
export interface ChildServer {
  readonly baseUrl: URL;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ChildServerOptions {
  command: string;
  args: string[];
  options: SpawnOptions;
  baseUrl: URL;
  /** Path answering 200 once the server takes requests. */
  readyPath: string;
  readyUrl?: URL;
  /**
   * Also wait until the log shows this line `count` times: a multi-process server answers its
   * ready path as soon as one worker is up, and keep-alive connections opened before the others
   * start would all stay on that one worker.
   */
  readyLog?: { line: string; count: number };
  logFile: string;
  readyTimeoutMs: number;
  name: string;
}

export async function startChildServer(o: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(o.command, o.args, { ...o.options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(o.logFile);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ChildServer = {
    baseUrl: o.baseUrl,
    stop: (graceMs = 15_000) => stopGroup(child, exited, graceMs),
  };
  const readyUrl = new URL(o.readyPath, o.readyUrl ?? o.baseUrl);
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`${o.name} exited with ${child.exitCode} (log ${o.logFile})`);
        if (o.readyLog && countLines(o.logFile, o.readyLog.line) < o.readyLog.count) return false;
        return (await fetch(readyUrl)).ok;
      },
      {
        timeoutMs: o.readyTimeoutMs,
        intervalMs: 500,
        description: `${o.name} at ${readyUrl.href} (log ${o.logFile})`,
      },
    );
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
  return server;
}

async function stopGroup(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  signalGroup('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  // Workers may outlive their parent; whatever is left of the group goes now.
  signalGroup('SIGKILL');
}

function countLines(file: string, line: string): number {
  return readFileSync(file, 'utf8').split(line).length - 1;
}
