import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts, recordProcessOutput, waitFor } from '@flywheel/testing';

const REPO_ROOT = join(__dirname, '..', '..');
const MAIN = join(REPO_ROOT, 'services', 'flywheel', 'dist', 'main.js');

/** The ports a started platform process serves, all on 127.0.0.1. */
export interface FlywheelPorts {
  admin: number;
  trackingGrpc: number;
  trackingHttp: number;
  registryGrpc: number;
  registryHttp: number;
}

export interface FlywheelProcess {
  readonly ports: FlywheelPorts;
  /** The port given to each of `StartFlywheelOptions.portVariables`. */
  readonly extraPorts: Readonly<Record<string, number>>;
  /** Base URL of the tracking service's MLflow REST API (what MLFLOW_TRACKING_URI names). */
  readonly trackingUri: string;
  /** Base URL of the registry's own MLflow model-registry REST API. */
  readonly registryUri: string;
  /** Everything the process printed so far (its log file). */
  log(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartFlywheelOptions {
  targets: string[];
  /** FLYWHEEL_* configuration (database, artifact root, Kafka, ...); ports are added here. */
  env: Record<string, string>;
  /** File that receives the process's stdout and stderr. */
  logFile: string;
  /**
   * Further `FLYWHEEL_*_PORT` variables to set to free ports, drawn together with the platform's
   * own: ports from two separate draws can repeat, since each draw releases them before returning.
   */
  portVariables?: readonly string[];
  readyTimeoutMs?: number;
}

const START_ATTEMPTS = 3;

/**
 * Starts the built platform (`npx nx run flywheel:build` first) on free loopback ports and
 * resolves once its admin port answers /readyz with 200. A port handed out free can be taken by
 * any process (an outgoing connection's local port) before the child binds it: a start that
 * fails with EADDRINUSE is tried again on newly drawn ports.
 */
export async function startFlywheel(options: StartFlywheelOptions): Promise<FlywheelProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npx nx run flywheel:build' first`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !(error as Error).message.includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(options: StartFlywheelOptions): Promise<FlywheelProcess> {
  const portVariables = options.portVariables ?? [];
  const free = await freePorts(5 + portVariables.length);
  const extraPorts = Object.fromEntries(portVariables.map((name, i) => [name, free[5 + i]!]));
  const ports: FlywheelPorts = {
    admin: free[0]!,
    trackingGrpc: free[1]!,
    trackingHttp: free[2]!,
    registryGrpc: free[3]!,
    registryHttp: free[4]!,
  };
  const child = spawn(process.execPath, [MAIN, 'start', `--target=${options.targets.join(',')}`], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...options.env,
      FLYWHEEL_BIND_HOST: '127.0.0.1',
      FLYWHEEL_ADMIN_PORT: String(ports.admin),
      FLYWHEEL_TRACKING_GRPC_PORT: String(ports.trackingGrpc),
      FLYWHEEL_TRACKING_HTTP_PORT: String(ports.trackingHttp),
      FLYWHEEL_REGISTRY_GRPC_PORT: String(ports.registryGrpc),
      FLYWHEEL_REGISTRY_HTTP_PORT: String(ports.registryHttp),
      ...Object.fromEntries(Object.entries(extraPorts).map(([name, port]) => [name, String(port)])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logStream = createWriteStream(options.logFile);
  child.stdout.pipe(logStream, { end: false });
  child.stderr.pipe(logStream, { end: false });
  recordProcessOutput(child, 'flywheel-mlflow-e2e');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = () => (existsSync(options.logFile) ? readFileSync(options.logFile, 'utf8') : '');
  const process_: FlywheelProcess = {
    ports,
    extraPorts,
    trackingUri: `http://127.0.0.1:${ports.trackingHttp}`,
    registryUri: `http://127.0.0.1:${ports.registryHttp}`,
    log,
    stop: (graceMs = 15_000) => stopChild(child, exited, graceMs).finally(() => logStream.end()),
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`flywheel exited with ${child.exitCode}`);
        const response = await fetch(`http://127.0.0.1:${ports.admin}/readyz`);
        return response.ok;
      },
      { timeoutMs: options.readyTimeoutMs ?? 120_000, intervalMs: 250, description: 'flywheel /readyz' },
    );
  } catch (error) {
    await process_.stop(2_000);
    throw new Error(`${(error as Error).message}\n--- flywheel log (${options.logFile}) ---\n${log()}`);
  }
  return process_;
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  graceMs: number,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([exited, killed]);
  clearTimeout(timer);
  await exited;
}
