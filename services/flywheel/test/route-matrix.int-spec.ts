import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  type AccessCase,
  type MatrixCaller,
  accessCases,
  isUnguarded,
  routesMissingFromTable,
} from '@flywheel/access';
import { type PlatformConfig, SERVICE_NAMES, loadPlatformConfig } from '@flywheel/config';
import { PlatformResources } from '@flywheel/platform';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { ReadinessProbe, type ServiceDefinition, ServiceHost } from '@flywheel/service-kit';
import { freePorts, testStack, uniqueName } from '@flywheel/testing';
import { hostOptions } from '../src/host-options';
import { serviceDefinitions } from '../src/service-catalog';
import { type MatrixTokens, matrixTokens } from './matrix-credentials';
import { type CallOutcome, callGrpc, callHttp, grpcMethodsOf } from './route-callers';

// The access matrix of the whole platform: all six services started the way `flywheel start`
// starts them, with authentication on against the test stack's PostgreSQL. Every route a
// service serves must be in its table, and every declared route answers each role and each
// failing credential exactly as the table (through PERMISSION_TABLE) demands. The cases come
// from the tables, so a new route is covered as soon as it is served.

const PEPPER = 'route-matrix-pepper-0123456789';

/** Served routes without a table entry, per service that has any. */
function undeclaredRoutes(host: ServiceHost): Record<string, string[]> {
  return Object.fromEntries(
    host.routes
      .map(({ service, table, served }) => [service, routesMissingFromTable(table, served)] as const)
      .filter(([, missing]) => missing.length > 0),
  );
}

async function platformConfig(dataDir: string): Promise<PlatformConfig> {
  const [
    ingestion,
    tracking,
    registry,
    orchestration,
    serving,
    monitoring,
    trackingHttp,
    registryHttp,
    servingHttp,
  ] = await freePorts(9);
  return loadPlatformConfig({
    FLYWHEEL_AUTH: 'on',
    FLYWHEEL_AUTH_PEPPER: PEPPER,
    FLYWHEEL_DATABASE_URL: testStack().databaseUrl,
    FLYWHEEL_DATA_DIR: dataDir,
    FLYWHEEL_INGESTION_GRPC_PORT: String(ingestion),
    FLYWHEEL_TRACKING_GRPC_PORT: String(tracking),
    FLYWHEEL_REGISTRY_GRPC_PORT: String(registry),
    FLYWHEEL_ORCHESTRATION_GRPC_PORT: String(orchestration),
    FLYWHEEL_SERVING_GRPC_PORT: String(serving),
    FLYWHEEL_MONITORING_GRPC_PORT: String(monitoring),
    FLYWHEEL_TRACKING_HTTP_PORT: String(trackingHttp),
    FLYWHEEL_REGISTRY_HTTP_PORT: String(registryHttp),
    FLYWHEEL_SERVING_HTTP_PORT: String(servingHttp),
    // The matrix is about who may call what; hundreds of calls per key must not trip the limit.
    FLYWHEEL_RATE_LIMIT_PER_SECOND: '0',
  });
}

function describeCaller(caller: MatrixCaller): string {
  return 'role' in caller ? caller.role : `${caller.credential} key`;
}

/** Whether an outcome is what the case expects: the guard's denial, or anything past the guard. */
function matches(expected: AccessCase['expected'], outcome: CallOutcome): boolean {
  if ('grpc' in outcome) {
    const denial: Record<'unauthenticated' | 'forbidden', number> = {
      unauthenticated: GrpcStatus.UNAUTHENTICATED,
      forbidden: GrpcStatus.PERMISSION_DENIED,
    };
    if (expected === 'allow') return !Object.values(denial).includes(outcome.grpc);
    return outcome.grpc === denial[expected];
  }
  const denial = {
    unauthenticated: { status: 401, errorCode: 'UNAUTHENTICATED' },
    forbidden: { status: 403, errorCode: 'PERMISSION_DENIED' },
  };
  if (expected === 'allow') return outcome.http !== 401 && outcome.http !== 403;
  const body = outcome.body as { error_code?: unknown; message?: unknown };
  return (
    outcome.http === denial[expected].status &&
    body.error_code === denial[expected].errorCode &&
    typeof body.message === 'string'
  );
}

describe('route access matrix of every service', () => {
  const identitySchema = uniqueName('matrix_identity');
  const trackingSchema = uniqueName('matrix_tracking');
  const previousTrackingSchema = process.env['FLYWHEEL_TRACKING_SCHEMA'];
  let dataDir: string;
  let pool: PgPool;
  let resources: PlatformResources;
  let host: ServiceHost;
  let definitions: ServiceDefinition[];
  let tokens: MatrixTokens;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'flywheel-route-matrix-'));
    process.env['FLYWHEEL_TRACKING_SCHEMA'] = trackingSchema;
    const config = await platformConfig(dataDir);
    resources = new PlatformResources(config, undefined, { identitySchema });
    definitions = serviceDefinitions(SERVICE_NAMES, config, resources);
    const options = await hostOptions(config, resources, () => Promise.resolve(''));
    host = await ServiceHost.start(definitions, { ...options, adminPort: 0 });
    pool = createPgPool({ connectionString: testStack().databaseUrl, maxConnections: 2 });
    tokens = await matrixTokens(pool, PEPPER, identitySchema);
  }, 120_000);

  afterAll(async () => {
    await host?.stop();
    await resources?.close();
    if (previousTrackingSchema === undefined) delete process.env['FLYWHEEL_TRACKING_SCHEMA'];
    else process.env['FLYWHEEL_TRACKING_SCHEMA'] = previousTrackingSchema;
    for (const schema of [identitySchema, trackingSchema])
      await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('runs all six services', () => {
    expect(host.routes.map((routes) => routes.service)).toEqual([...SERVICE_NAMES]);
  });

  it('declares every served gRPC method and HTTP route in its service table', () => {
    expect(undeclaredRoutes(host)).toEqual({});
  });

  it('answers every declared route for each role and each failing credential as the table demands', async () => {
    const mismatches: string[] = [];
    for (const definition of definitions) {
      const { table } = host.routes.find((routes) => routes.service === definition.name)!;
      const address = (protocol: string) =>
        host.addresses.find((a) => a.owner === definition.name && a.protocol === protocol)?.address;
      const methods = grpcMethodsOf(definition.grpc?.protoFiles ?? []);
      const cases = accessCases(table).filter((c) => !isUnguarded(table[c.routeId]));
      for (const { routeId, caller, expected } of cases) {
        const token = tokens(caller);
        let outcome: CallOutcome;
        if (routeId.startsWith('grpc:')) {
          const method = methods.get(routeId.slice('grpc:'.length));
          if (!method)
            throw new Error(`${definition.name}: ${routeId} is declared but no loaded proto defines it`);
          outcome = await callGrpc(address('grpc')!, method, token);
        } else {
          outcome = await callHttp(address('http')!, routeId, token);
        }
        if (!matches(expected, outcome)) {
          mismatches.push(
            `${definition.name} ${routeId} as ${describeCaller(caller)}: expected ${expected}, got ${JSON.stringify(outcome)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);

  it('answers the public health check without credentials on every gRPC port', async () => {
    const check = grpcMethodsOf([]).get('/grpc.health.v1.Health/Check')!;
    for (const address of host.addresses.filter((a) => a.protocol === 'grpc')) {
      await expect(callGrpc(address.address, check, undefined)).resolves.toEqual({
        grpc: GrpcStatus.OK,
        details: '',
      });
    }
  });
});

@Controller('extra')
class ExtraController {
  @Post()
  create(@Body() body: unknown) {
    return body;
  }
}

@Module({
  controllers: [ExtraController],
  providers: [{ provide: ReadinessProbe, useValue: { check: () => Promise.resolve([]) } }],
})
class ExtraModule {}

describe('the undeclared-route check', () => {
  it('fails for a service serving a route its table lacks', async () => {
    const [port] = await freePorts(1);
    const host = await ServiceHost.start(
      [{ name: 'monitoring', module: ExtraModule, routes: {}, http: { port: port! } }],
      {
        host: '127.0.0.1',
        adminPort: 0,
        renderMetrics: () => Promise.resolve(''),
        shutdownTimeoutMs: 2_000,
        auth: { enabled: false },
        limits: loadPlatformConfig({}).limits,
      },
    );
    try {
      expect(undeclaredRoutes(host)).toEqual({ monitoring: ['http:POST /extra'] });
    } finally {
      await host.stop();
    }
  });
});
