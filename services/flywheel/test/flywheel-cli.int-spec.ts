import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@flywheel/config';
import { checkGrpcHealth, listGrpcServices } from '@flywheel/service-kit';
import { freePorts, testStack } from '@flywheel/testing';
import { buildCli, exitWithin, refusesConnections, spawnCli, type CliProcess } from './cli-process';

// The built CLI as a real process: what `npm start` and `flywheel start --target=...` serve,
// on test ports, and how it shuts down on SIGTERM.

const STARTED = 'Flywheel is running';
const SHUTDOWN_DEADLINE_MS = 15_000;
const PROBE_TIMEOUT_MS = 10_000;

interface TestPorts {
  admin: number;
  grpc: Record<ServiceName, number>;
  http: Partial<Record<ServiceName, number>>;
}

async function testPorts(): Promise<{ ports: TestPorts; env: Record<string, string> }> {
  const [
    admin,
    ingestion,
    tracking,
    registry,
    orchestration,
    serving,
    monitoring,
    trackingHttp,
    registryHttp,
    servingHttp,
  ] = await freePorts(10);
  const ports: TestPorts = {
    admin: admin!,
    grpc: {
      ingestion: ingestion!,
      tracking: tracking!,
      registry: registry!,
      orchestration: orchestration!,
      'serving-gateway': serving!,
      monitoring: monitoring!,
    },
    http: { tracking: trackingHttp!, registry: registryHttp!, 'serving-gateway': servingHttp! },
  };
  const env = {
    FLYWHEEL_ADMIN_PORT: String(ports.admin),
    FLYWHEEL_INGESTION_GRPC_PORT: String(ports.grpc.ingestion),
    FLYWHEEL_TRACKING_GRPC_PORT: String(ports.grpc.tracking),
    FLYWHEEL_REGISTRY_GRPC_PORT: String(ports.grpc.registry),
    FLYWHEEL_ORCHESTRATION_GRPC_PORT: String(ports.grpc.orchestration),
    FLYWHEEL_SERVING_GRPC_PORT: String(ports.grpc['serving-gateway']),
    FLYWHEEL_MONITORING_GRPC_PORT: String(ports.grpc.monitoring),
    FLYWHEEL_TRACKING_HTTP_PORT: String(trackingHttp),
    FLYWHEEL_REGISTRY_HTTP_PORT: String(registryHttp),
    FLYWHEEL_SERVING_HTTP_PORT: String(servingHttp),
    FLYWHEEL_LOG_LEVEL: 'warn',
  };
  return { ports, env };
}

describe('flywheel CLI (built)', () => {
  let dataDir: string;
  let cli: CliProcess | undefined;

  beforeAll(() => {
    buildCli();
    dataDir = mkdtempSync(join(tmpdir(), 'flywheel-cli-'));
  }, 600_000);

  afterEach(() => {
    // A failed assertion must not leave a server running.
    cli?.kill('SIGKILL');
    cli = undefined;
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('--target=all serves health on every gRPC port and exits 0 on SIGTERM', async () => {
    const { ports, env } = await testPorts();
    cli = spawnCli(['start', '--target=all'], { ...env, FLYWHEEL_DATA_DIR: dataDir });
    await cli.waitForOutput(STARTED);

    const admin = `http://127.0.0.1:${ports.admin}`;
    expect((await fetch(`${admin}/healthz`)).status).toBe(200);
    const readyz = await fetch(`${admin}/readyz`);
    expect(readyz.status).toBe(200);
    const body = (await readyz.json()) as { ready: boolean; services: { service: string; ready: boolean }[] };
    expect(body.ready).toBe(true);
    expect(body.services.map((service) => service.service)).toEqual([...SERVICE_NAMES]);

    for (const service of SERVICE_NAMES) {
      const address = `127.0.0.1:${ports.grpc[service]}`;
      expect(cli.stdout()).toContain(address);
      // Probe deadlines generous enough for a loaded CI machine (2 s timed out at load 18).
      await expect(checkGrpcHealth(address, '', PROBE_TIMEOUT_MS)).resolves.toBe('SERVING');
      await expect(checkGrpcHealth(address, service, PROBE_TIMEOUT_MS)).resolves.toBe('SERVING');
      await expect(listGrpcServices(address, PROBE_TIMEOUT_MS)).resolves.toContain('grpc.health.v1.Health');
    }
    for (const port of Object.values(ports.http)) expect(cli.stdout()).toContain(`http://127.0.0.1:${port}`);
    expect(await (await fetch(`${admin}/metrics`)).text()).toContain('process_cpu_time');

    cli.kill('SIGTERM');
    await expect(exitWithin(cli, SHUTDOWN_DEADLINE_MS)).resolves.toBe(0);
  });

  it('--target=tracking starts only the tracking ports and the admin server', async () => {
    const { ports, env } = await testPorts();
    cli = spawnCli(['start', '--target=tracking'], { ...env, FLYWHEEL_DATA_DIR: dataDir });
    await cli.waitForOutput(STARTED);

    await expect(
      checkGrpcHealth(`127.0.0.1:${ports.grpc.tracking}`, 'tracking', PROBE_TIMEOUT_MS),
    ).resolves.toBe('SERVING');
    expect(cli.stderr()).toContain('flywheel: WARNING: authentication is OFF: listening on loopback only');
    const readyz = (await (await fetch(`http://127.0.0.1:${ports.admin}/readyz`)).json()) as {
      services: unknown[];
    };
    expect(readyz.services).toEqual([expect.objectContaining({ service: 'tracking', ready: true })]);
    expect(await refusesConnections(ports.http.tracking!)).toBe(false);

    const others = SERVICE_NAMES.filter((service) => service !== 'tracking');
    for (const service of others) expect(await refusesConnections(ports.grpc[service])).toBe(true);
    expect(await refusesConnections(ports.http.registry!)).toBe(true);
    expect(await refusesConnections(ports.http['serving-gateway']!)).toBe(true);

    cli.kill('SIGTERM');
    await expect(exitWithin(cli, SHUTDOWN_DEADLINE_MS)).resolves.toBe(0);
  });

  it('fails fast with status 2, listing every configuration problem', async () => {
    cli = spawnCli(['start', '--target=tracking', '--admin-port=0'], {
      FLYWHEEL_DATA_DIR: dataDir,
      FLYWHEEL_DATABASE_URL: 'mysql://db/flywheel',
      FLYWHEEL_KAFKA_BROKERS: 'kafka',
    });
    await expect(exitWithin(cli, SHUTDOWN_DEADLINE_MS)).resolves.toBe(2);
    expect(cli.stderr()).toContain('Invalid configuration (3 problems)');
    expect(cli.stderr()).toMatch(
      /FLYWHEEL_KAFKA_BROKERS: .*\n.*FLYWHEEL_DATABASE_URL: .*\n.*FLYWHEEL_ADMIN_PORT \(--admin-port\)/,
    );
  });

  it('refuses to listen beyond loopback without authentication, with status 2', async () => {
    cli = spawnCli(['start', '--target=orchestration', '--bind-host=0.0.0.0'], {
      FLYWHEEL_DATA_DIR: dataDir,
    });
    await expect(exitWithin(cli, SHUTDOWN_DEADLINE_MS)).resolves.toBe(2);
    expect(cli.stderr()).toMatch(
      /FLYWHEEL_BIND_HOST=0\.0\.0\.0 is not a loopback address and FLYWHEEL_AUTH is off/,
    );
  });

  it('starts with authentication on, without the warning, keeping health public', async () => {
    const { ports, env } = await testPorts();
    cli = spawnCli(['start', '--target=orchestration'], {
      ...env,
      FLYWHEEL_DATA_DIR: dataDir,
      FLYWHEEL_AUTH: 'on',
      FLYWHEEL_AUTH_PEPPER: 'flywheel-cli-int-pepper',
      FLYWHEEL_DATABASE_URL: testStack().databaseUrl,
    });
    await cli.waitForOutput(STARTED);
    await expect(
      checkGrpcHealth(`127.0.0.1:${ports.grpc.orchestration}`, 'orchestration', PROBE_TIMEOUT_MS),
    ).resolves.toBe('SERVING');
    expect(cli.stderr()).not.toContain('authentication is OFF');
    cli.kill('SIGTERM');
    await expect(exitWithin(cli, SHUTDOWN_DEADLINE_MS)).resolves.toBe(0);
  });

  it('refuses an unknown target, listing the valid ones', async () => {
    cli = spawnCli(['start', '--target=tracking,billing'], { FLYWHEEL_DATA_DIR: dataDir });
    await expect(exitWithin(cli, SHUTDOWN_DEADLINE_MS)).resolves.toBe(2);
    expect(cli.stderr()).toContain('unknown target "billing"; valid targets: all, ingestion, tracking');
  });
});
