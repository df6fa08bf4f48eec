import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts, recordProcessOutput, waitFor } from '@flywheel/testing';

// `flywheel demo` against the standalone platform (`flywheel start --target=all` with the embedded
// defaults: in-process bus, PGlite under the data dir, chDB, file artifacts), started as the
// README says but on free ports, so it never collides with the readme-start test on the default
// ones. Both processes read the same FLYWHEEL_* variables.

const REPO_ROOT = join(__dirname, '..');
const MAIN = join(REPO_ROOT, 'services', 'flywheel', 'dist', 'main.js');
const run = promisify(execFile);

describe('flywheel demo', () => {
  let dataDir: string;
  let platform: ChildProcess;
  let platformOutput = '';
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-demo-'));
    const [admin, trackingGrpc, trackingHttp, registryGrpc, registryHttp, orchestration, ingestion, monitoring, servingGrpc, servingHttp] =
      await freePorts(10);
    env = {
      ...process.env,
      FLYWHEEL_DATA_DIR: dataDir,
      FLYWHEEL_ADMIN_PORT: String(admin),
      FLYWHEEL_TRACKING_GRPC_PORT: String(trackingGrpc),
      FLYWHEEL_TRACKING_HTTP_PORT: String(trackingHttp),
      FLYWHEEL_REGISTRY_GRPC_PORT: String(registryGrpc),
      FLYWHEEL_REGISTRY_HTTP_PORT: String(registryHttp),
      FLYWHEEL_ORCHESTRATION_GRPC_PORT: String(orchestration),
      FLYWHEEL_INGESTION_GRPC_PORT: String(ingestion),
      FLYWHEEL_MONITORING_GRPC_PORT: String(monitoring),
      FLYWHEEL_SERVING_GRPC_PORT: String(servingGrpc),
      FLYWHEEL_SERVING_HTTP_PORT: String(servingHttp),
      // The monitoring settings the demo documents: 4-second windows, retrain after 2 drifted ones.
      FLYWHEEL_MONITORING_WINDOW_SECONDS: '4',
      FLYWHEEL_MONITORING_LATENESS_SECONDS: '2',
      FLYWHEEL_MONITORING_TICK_SECONDS: '1',
      FLYWHEEL_MONITORING_RETRAIN_AFTER_WINDOWS: '2',
      // The retrained version answers the shifted customers differently from v1 by design; the
      // canary guardrail on prediction distance must not mistake that for a degraded canary.
      FLYWHEEL_MONITORING_MODELS: JSON.stringify({ churn: { guardrails: { predictionDistanceLimit: 0.6 } } }),
    };
    platform = spawn(process.execPath, [MAIN, 'start', '--target=all'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    platform.stdout!.on('data', (chunk: Buffer) => (platformOutput += chunk.toString('utf8')));
    platform.stderr!.on('data', (chunk: Buffer) => (platformOutput += chunk.toString('utf8')));
    recordProcessOutput(platform, 'demo-platform');
    await waitFor(
      async () => {
        if (platform.exitCode !== null) throw new Error(`flywheel start exited early:\n${platformOutput}`);
        const response = await fetch(`http://127.0.0.1:${admin}/readyz`).catch(() => undefined);
        return response?.ok === true;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: 'the standalone platform to become ready' },
    );
  });

  afterAll(async () => {
    if (platform?.exitCode === null) {
      const exited = new Promise((resolve) => platform.once('exit', resolve));
      platform.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (platform.exitCode === null) platform.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('drives the loop to a retrained champion, narrating each step, and exits 0', async () => {
    const { stdout } = await run(process.execPath, [MAIN, 'demo', '--model=churn', '--steady-seconds=12', '--step-timeout=90'], {
      cwd: REPO_ROOT,
      env,
      timeout: 280_000,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`flywheel demo failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}\n--- platform ---\n${platformOutput.slice(-4000)}`);
    });
    const steps = [
      /champion v1 is serving/,
      /the data shifts/,
      /drift detected: monthly_charges \(\w+ [\d.]+\), tenure_months/,
      /pipeline run \S+ started/,
      /step evaluate: succeeded — quality gates passed/,
      /step deploy-canary: succeeded — canary healthy/,
      /promoted: champion is now v2/,
      /v2 serves churn: the loop is closed/,
    ];
    const lines = stdout.trim().split('\n');
    let position = -1;
    for (const step of steps) {
      const found = lines.findIndex((line, index) => index > position && step.test(line));
      expect({ step: String(step), found: found >= 0 }).toEqual({ step: String(step), found: true });
      position = found;
    }
    expect(lines.every((line) => /^\[\s*\d+\.\ds\] /.test(line))).toBe(true);
  });
});
