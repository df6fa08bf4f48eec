import { createServer } from 'node:net';
import { Controller, Get, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { loadPlatformConfig } from '@flywheel/config';
import { servingStatusToJSON } from '@flywheel/contracts';
import { freePort } from '@flywheel/testing';
import { checkGrpcHealth, healthClient, listGrpcServices } from './grpc-probes';
import { ReadinessProbe, type DependencyStatus } from './readiness-probe';
import type { ServiceDefinition } from './service-definition';
import { ServiceHost } from './service-host';

// Real Nest apps on loopback ports: what a process built from ServiceDefinitions serves, and
// how it shuts down. The module below stands in for a service: a switchable dependency, a
// slow HTTP route to hold a request in flight, and a destroy hook to count.

class SwitchableProbe extends ReadinessProbe {
  ready = true;
  check(): Promise<DependencyStatus[]> {
    return Promise.resolve([
      this.ready
        ? { name: 'database', ready: true }
        : { name: 'database', ready: false, detail: 'connection refused' },
    ]);
  }
}
const probe = new SwitchableProbe();
let destroyed = 0;

/** Holds each /slow request until the test releases it; `arrived` resolves as one comes in. */
class SlowRequests {
  private readonly waiting: (() => void)[] = [];
  private announce: () => void = () => undefined;
  arrived = this.nextArrival();

  hold(): Promise<void> {
    return new Promise<void>((release) => {
      this.waiting.push(release);
      this.announce();
    });
  }

  releaseAll(): void {
    this.waiting.splice(0).forEach((release) => release());
    this.arrived = this.nextArrival();
  }

  private nextArrival(): Promise<void> {
    return new Promise<void>((resolve) => (this.announce = resolve));
  }
}
const slowRequests = new SlowRequests();

@Controller()
class SlowController {
  @Get('slow')
  async slow(): Promise<{ done: boolean }> {
    await slowRequests.hold();
    return { done: true };
  }
}

@Injectable()
class DestroyCounter implements OnModuleDestroy {
  onModuleDestroy(): void {
    destroyed += 1;
  }
}

@Module({
  controllers: [SlowController],
  providers: [{ provide: ReadinessProbe, useValue: probe }, DestroyCounter],
})
class FakeServiceModule {}

@Module({})
class ModuleWithoutProbe {}

const ROUTES = { 'http:GET /slow': 'runs.read' } as const;

async function definitions() {
  const tracking: ServiceDefinition = {
    name: 'tracking',
    module: FakeServiceModule,
    routes: ROUTES,
    grpc: { port: await freePort(), packages: [], protoFiles: [] },
    http: { port: await freePort() },
  };
  const registry: ServiceDefinition = {
    name: 'registry',
    module: FakeServiceModule,
    routes: ROUTES,
    grpc: { port: await freePort(), packages: [], protoFiles: [] },
  };
  return { tracking, registry };
}

function startHost(services: ServiceDefinition[], shutdownTimeoutMs = 5_000) {
  return ServiceHost.start(services, {
    host: '127.0.0.1',
    adminPort: 0,
    renderMetrics: () => Promise.resolve('flywheel_test_metric 1\n'),
    shutdownTimeoutMs,
    auth: { enabled: false },
    limits: loadPlatformConfig({}).limits,
  });
}

function grpcAddress(host: ServiceHost, owner: string): string {
  return host.addresses.find((a) => a.owner === owner && a.protocol === 'grpc')!.address;
}
function httpAddress(host: ServiceHost, owner: string): string {
  return host.addresses.find((a) => a.owner === owner && a.protocol === 'http')!.address;
}

describe('ServiceHost', () => {
  beforeEach(() => {
    probe.ready = true;
    destroyed = 0;
  });

  describe('while serving', () => {
    let host: ServiceHost;
    beforeAll(async () => {
      const { tracking, registry } = await definitions();
      host = await startHost([tracking, registry]);
    });
    afterAll(async () => {
      await host.stop();
    });

    it('lists every listener: each service port and the admin server', () => {
      expect(host.addresses.map((a) => `${a.owner}/${a.protocol}`)).toEqual([
        'tracking/grpc',
        'tracking/http',
        'registry/grpc',
        'admin/http',
      ]);
    });

    it('answers /healthz and reports every service ready on /readyz', async () => {
      const admin = httpAddress(host, 'admin');
      expect((await fetch(`${admin}/healthz`)).status).toBe(200);
      const readyz = await fetch(`${admin}/readyz`);
      expect(readyz.status).toBe(200);
      expect(await readyz.json()).toEqual({
        ready: true,
        services: [
          {
            service: 'tracking',
            phase: 'serving',
            ready: true,
            dependencies: [{ name: 'database', ready: true }],
          },
          {
            service: 'registry',
            phase: 'serving',
            ready: true,
            dependencies: [{ name: 'database', ready: true }],
          },
        ],
      });
    });

    it('serves the metrics text on /metrics', async () => {
      const response = await fetch(`${httpAddress(host, 'admin')}/metrics`);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await response.text()).toBe('flywheel_test_metric 1\n');
    });

    it('reports SERVING for the server, the service name and the health service itself', async () => {
      const address = grpcAddress(host, 'tracking');
      await expect(checkGrpcHealth(address, '')).resolves.toBe('SERVING');
      await expect(checkGrpcHealth(address, 'tracking')).resolves.toBe('SERVING');
      await expect(checkGrpcHealth(address, 'grpc.health.v1.Health')).resolves.toBe('SERVING');
    });

    it('fails Check with NOT_FOUND for a service the port does not serve', async () => {
      await expect(checkGrpcHealth(grpcAddress(host, 'tracking'), 'registry')).rejects.toMatchObject({
        code: GrpcStatus.NOT_FOUND,
      });
    });

    it('reports NOT_SERVING and 503 while a dependency is down', async () => {
      probe.ready = false;
      await expect(checkGrpcHealth(grpcAddress(host, 'registry'), '')).resolves.toBe('NOT_SERVING');
      const readyz = await fetch(`${httpAddress(host, 'admin')}/readyz`);
      expect(readyz.status).toBe(503);
      expect(await readyz.json()).toMatchObject({
        ready: false,
        services: [{ dependencies: [{ name: 'database', ready: false, detail: 'connection refused' }] }, {}],
      });
    });

    it('reports every served route with the table the guard enforces, kit routes included', () => {
      const tracking = host.routes.find((routes) => routes.service === 'tracking')!;
      expect([...tracking.served].sort()).toEqual([
        'grpc:/grpc.health.v1.Health/Check',
        'grpc:/grpc.health.v1.Health/Watch',
        'grpc:/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
        'grpc:/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo',
        'http:GET /slow',
      ]);
      expect(tracking.table).toMatchObject({
        'http:GET /slow': 'runs.read',
        'grpc:/grpc.health.v1.Health/Check': 'public',
      });
    });

    it('lists the health and reflection services through reflection', async () => {
      const services = await listGrpcServices(grpcAddress(host, 'registry'));
      expect(services).toEqual(['grpc.health.v1.Health']);
    });
  });

  it('drains in-flight work on stop: watchers see NOT_SERVING, requests finish, each app closes once', async () => {
    const { tracking, registry } = await definitions();
    const host = await startHost([tracking, registry]);
    const admin = httpAddress(host, 'admin');

    const watched: string[] = [];
    const watch = healthClient(grpcAddress(host, 'registry'));
    const stream = watch.watch({ service: '' });
    const watchEnded = new Promise<void>((resolve) => stream.on('end', resolve));
    const firstStatus = new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.on('data', (response: { status: number }) => watched.push(servingStatusToJSON(response.status)));
    await firstStatus;

    const slow = fetch(`${httpAddress(host, 'tracking')}/slow`);
    await slowRequests.arrived;

    const stopped = host.stop();
    await watchEnded;
    expect(watched).toEqual(['SERVING', 'NOT_SERVING']);
    expect((await fetch(`${admin}/readyz`)).status).toBe(503);

    slowRequests.releaseAll();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await expect(stopped).resolves.toBe('drained');
    expect(destroyed).toBe(2);
    watch.close();
  });

  it('cuts in-flight work that outlives the shutdown deadline', async () => {
    const { tracking } = await definitions();
    const host = await startHost([tracking], 200);
    const slow = fetch(`${httpAddress(host, 'tracking')}/slow`).catch((error: unknown) => error);
    await slowRequests.arrived;

    const startedAt = Date.now();
    await expect(host.stop()).resolves.toBe('forced');
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(await slow).toMatchObject({ message: 'fetch failed' });
    slowRequests.releaseAll();
  });

  it('names the service and address it could not bind, and closes what it had started', async () => {
    const { tracking, registry } = await definitions();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(registry.grpc!.port, '127.0.0.1', resolve));
    try {
      await expect(startHost([tracking, registry])).rejects.toThrow(
        new RegExp(`^registry: cannot serve gRPC on 127\\.0\\.0\\.1:${registry.grpc!.port}`),
      );
      // Both the started tracking app and the half-started registry app released their providers.
      expect(destroyed).toBe(2);
    } finally {
      blocker.close();
    }
  });

  it('refuses a service module without a ReadinessProbe', async () => {
    const { registry } = await definitions();
    await expect(startHost([{ ...registry, module: ModuleWithoutProbe }])).rejects.toThrow(
      /^registry: its module provides no ReadinessProbe/,
    );
  });
});
