import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkGrpcHealth } from '@flywheel/service-kit';
import { recordProcessOutput, waitFor } from '@flywheel/testing';

// The README's first command is `npm install && npm start`. `npm install` already ran for this test
// run, so this starts `npm start` exactly as a new user would, on the default ports and with no
// other setting, and checks what the README promises: the admin port answers, every gRPC port is
// SERVING, and `bin/flywheel demo` closes the loop against it.

const REPO_ROOT = join(__dirname, '..');
const GRPC_PORTS = {
  tracking: 50051,
  registry: 50052,
  orchestration: 50053,
  ingestion: 50054,
  monitoring: 50055,
  'serving-gateway': 8001,
};
const ADMIN = 'http://127.0.0.1:9464';
const run = promisify(execFile);

describe('README first command: npm start', () => {
  let dataDir: string;
  let child: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-standalone-'));
    // Its own process group, so the test can signal npm, the shell and node together.
    child = spawn('npm', ['start'], {
      cwd: REPO_ROOT,
      env: { ...process.env, FLYWHEEL_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    recordProcessOutput(child, 'readme-start'); // scanned for leaked secrets after the run
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  });

  afterAll(async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // whatever is left of the group, if a test failed midway
    } catch {
      // the group is gone already
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz and /readyz on the admin port', async () => {
    const ready = await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        if (!output.includes('Flywheel is running')) return undefined; // not our process yet
        const response = await fetch(`${ADMIN}/readyz`);
        return response.ok ? response : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 250, description: 'the standalone platform to become ready' },
    );
    expect(ready.status).toBe(200);
    const healthz = await fetch(`${ADMIN}/healthz`);
    expect(healthz.status).toBe(200);
  });

  it('answers the standard gRPC health check with SERVING on every gRPC port', async () => {
    for (const [service, port] of Object.entries(GRPC_PORTS)) {
      await expect(checkGrpcHealth(`127.0.0.1:${port}`, '', 10_000)).resolves.toBe('SERVING');
      expect(output).toContain(`127.0.0.1:${port}`);
      expect(output).toContain(service);
    }
  });

  it('exposes Prometheus metrics on the admin port', async () => {
    const metrics = await (await fetch(`${ADMIN}/metrics`)).text();
    expect(metrics).toMatch(/^# (HELP|TYPE) /m);
  });

  it('runs `bin/flywheel demo` to a retrained champion, narrating each step, and exits 0', async () => {
    const { stdout } = await run(join(REPO_ROOT, 'bin', 'flywheel'), ['demo', '--model=churn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, FLYWHEEL_DATA_DIR: dataDir },
      timeout: 280_000,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(
        `flywheel demo failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}\n--- platform ---\n${output.slice(-4000)}`,
      );
    });
    const steps = [
      /monitoring watches churn in 4-second windows/,
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

  it("exports the gateway's requests, latency histogram and in-flight per model, version and variant", async () => {
    // After the demo: v1 served as champion, v2 as canary and then as champion.
    const metrics = await (await fetch(`${ADMIN}/metrics`)).text();
    const series = (name: string, version: number, variant: string) =>
      new RegExp(
        `^${name}\\{(?=[^}]*model="churn")(?=[^}]*version="${version}")(?=[^}]*variant="${variant}")[^}]*\\} (\\d+)`,
        'm',
      );
    for (const [version, variant] of [
      [1, 'champion'],
      [2, 'canary'],
      [2, 'champion'],
    ] as const) {
      const requests = series('flywheel_serving_requests_total', version, variant).exec(metrics);
      expect({ version, variant, requests: Number(requests?.[1] ?? 0) > 0 }).toEqual({ version, variant, requests: true });
      expect(metrics).toMatch(series('flywheel_serving_latency[a-z_]*_count', version, variant));
      expect(metrics).toMatch(series('flywheel_serving_in_flight', version, variant));
    }
  });

  it('drains and exits 0 on SIGTERM', async () => {
    // Signal the platform process itself (as an orchestrator would); npm then exits with its code.
    const platformPid = execFileSync('pgrep', ['-g', String(child.pid), '-f', 'flywheel/dist/main.js start'])
      .toString()
      .trim();
    process.kill(Number(platformPid), 'SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`still running:\n${output}`)), 30_000),
      ),
    ]);
    expect(code).toBe(0);
  });
});
