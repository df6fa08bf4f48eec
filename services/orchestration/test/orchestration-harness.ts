import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
  Metadata,
  credentials,
  loadPackageDefinition,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Observable } from 'rxjs';
import { loadPlatformConfig } from '@flywheel/config';
import { PROTO_LOADER_OPTIONS, orchestrationV1, protoPath } from '@flywheel/contracts';
import { ApiKeyAuthenticator, ApiKeyRepository, migrateIdentitySchema } from '@flywheel/identity';
import { PlatformModule, PlatformResources, REAL_OPENERS } from '@flywheel/platform';
import { type PgPool, createPgPool } from '@flywheel/postgres';
import { ServiceHost } from '@flywheel/service-kit';
import { freePort, retryOnPortClash, testStack, uniqueName } from '@flywheel/testing';
import { orchestrationService } from '../src/orchestration.definition';
import type { OrchestrationOptions } from '../src/orchestration-options';

export const PEPPER = 'orchestration-test-pepper-0123';

/**
 * What one test file shares across orchestrator instances: its own schemas (orchestration and
 * identity, the latter holding API keys and the audit log), a data directory, and API keys.
 */
export interface OrchestrationWorld {
  pool: PgPool;
  options: OrchestrationOptions;
  identitySchema: string;
  dataDir: string;
  tokens: Record<'admin' | 'scientist' | 'viewer', string>;
  keys: ApiKeyRepository;
  close(): Promise<void>;
}

export async function createWorld(
  overrides: Partial<OrchestrationOptions> = {},
): Promise<OrchestrationWorld> {
  const pool = createPgPool({ connectionString: testStack().databaseUrl });
  const identitySchema = uniqueName('orch_identity');
  await migrateIdentitySchema(pool, identitySchema);
  const keys = new ApiKeyRepository(pool, { pepper: PEPPER, schema: identitySchema });
  const tokens = { admin: '', scientist: '', viewer: '' };
  for (const role of ['admin', 'scientist', 'viewer'] as const)
    tokens[role] = (await keys.create({ name: `${role}-key`, role, createdBy: 'test' })).token;
  const dataDir = mkdtempSync(join(tmpdir(), 'orchestration-data-'));
  const options: OrchestrationOptions = {
    schema: uniqueName('orchestration'),
    auditSchema: identitySchema,
    runsDir: join(dataDir, 'orchestration', 'runs'),
    pollIntervalMs: 50,
    leaseMs: 2_000,
    executor: { envAllowlist: [], outputLimitBytes: 4_096, killGraceMs: 500 },
    ...overrides,
  };
  return {
    pool,
    options,
    identitySchema,
    dataDir,
    tokens,
    keys,
    close: async () => {
      await pool.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One orchestrator instance (its own Nest app and PlatformResources) with authentication on. */
export interface Orchestrator {
  grpc: OrchestrationStub;
  /** The instance's platform resources (its chDB, artifact store), for seeding data. */
  resources: PlatformResources;
  stop(): Promise<void>;
}

/** Starts an orchestrator on a free port (drawn again if it was taken before the bind). */
export function startOrchestrator(world: OrchestrationWorld, env: Record<string, string> = {}): Promise<Orchestrator> {
  return retryOnPortClash(() => startOrchestratorOnce(world, env));
}

async function startOrchestratorOnce(world: OrchestrationWorld, env: Record<string, string>): Promise<Orchestrator> {
  const grpcPort = await freePort();
  const config = loadPlatformConfig({
    ...env,
    FLYWHEEL_DATABASE_URL: testStack().databaseUrl,
    FLYWHEEL_KAFKA_BROKERS: testStack().kafkaBrokers.join(','),
    FLYWHEEL_DATA_DIR: world.dataDir,
    FLYWHEEL_ORCHESTRATION_GRPC_PORT: String(grpcPort),
  });
  const resources = new PlatformResources(config, REAL_OPENERS, { identitySchema: world.identitySchema });
  const definition = orchestrationService(config, resources, world.options);
  const host = await ServiceHost.start(
    [{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }],
    {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 5_000,
      auth: { enabled: true, authenticator: new ApiKeyAuthenticator(world.keys, { pepper: PEPPER }) },
      limits: config.limits,
    },
  ).catch(async (error: unknown) => {
    await resources.close().catch(() => undefined);
    throw error;
  });
  const grpc = orchestrationStub(`127.0.0.1:${grpcPort}`);
  return {
    grpc,
    resources,
    stop: async () => {
      grpc.close();
      await host.stop();
      await resources.close();
    },
  };
}

type Controller = orchestrationV1.OrchestrationServiceController;

/** Promise-returning OrchestrationService client: `call('getRun', request, token)`. */
export interface OrchestrationStub {
  call<K extends keyof Controller>(
    method: K,
    request: Partial<Parameters<Controller[K]>[0]>,
    token: string,
  ): Promise<Exclude<Awaited<ReturnType<Controller[K]>>, Observable<unknown>>>;
  close(): void;
}

/** The OrchestrationService definition as a client loads it from the proto. */
export function loadOrchestrationPackage(): { OrchestrationService: ServiceClientConstructor } {
  const definition = loadSync(protoPath(orchestrationV1.protobufFileName), PROTO_LOADER_OPTIONS);
  return (
    loadPackageDefinition(definition) as unknown as {
      flywheel: { orchestration: { v1: { OrchestrationService: ServiceClientConstructor } } };
    }
  ).flywheel.orchestration.v1;
}

export function orchestrationStub(address: string): OrchestrationStub {
  const client = new (loadOrchestrationPackage().OrchestrationService)(
    address,
    credentials.createInsecure(),
  ) as Client &
    Record<
      string,
      (
        request: unknown,
        metadata: Metadata,
        callback: (error: ServiceError | null, response: unknown) => void,
      ) => void
    >;
  return {
    call: (method, request, token) =>
      new Promise((resolve, reject) => {
        const metadata = new Metadata();
        metadata.set('authorization', `Bearer ${token}`);
        client[method]!(request, metadata, (error, response) =>
          error ? reject(error) : resolve(response as never),
        );
      }),
    close: () => client.close(),
  };
}
