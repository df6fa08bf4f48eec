import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, type ServiceClientConstructor, type ServiceError, Metadata, credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Observable } from 'rxjs';
import { loadPlatformConfig } from '@flywheel/config';
import { PROTO_LOADER_OPTIONS, RegistryEvent, protoPath, registryV1 } from '@flywheel/contracts';
import { PlatformModule, PlatformResources, REAL_OPENERS } from '@flywheel/platform';
import { type CredentialAuthenticator, ServiceHost } from '@flywheel/service-kit';
import { freePorts, retryOnPortClash, testStack, uniqueName } from '@flywheel/testing';
import { registryEventsTopic } from '../src/outbox/registry-event-publisher';
import { registryService } from '../src/registry.definition';
import type { RegistryOptions } from '../src/registry-options';

/** A registry on real PostgreSQL and Kafka, in its own schemas, topic and artifact folder. */
export interface RegistryHarness {
  host: ServiceHost;
  resources: PlatformResources;
  options: RegistryOptions;
  grpcAddress: string;
  httpUrl: string;
  artifactDir: string;
  /** Events the relay published so far, in arrival order (duplicates included). */
  events: RegistryEvent[];
  grpc: RegistryStub;
  close(): Promise<void>;
}

export async function startRegistry(
  setup: { auth?: { enabled: boolean; authenticator?: CredentialAuthenticator }; trackingUrl?: string } = {},
): Promise<RegistryHarness> {
  const stack = testStack();
  const artifactDir = mkdtempSync(join(tmpdir(), 'registry-artifacts-'));
  const env = {
    FLYWHEEL_DATABASE_URL: stack.databaseUrl,
    FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    FLYWHEEL_ARTIFACT_ROOT: `file://${artifactDir}`,
  };
  const config = loadPlatformConfig(env);
  const auditSchema = uniqueName('registry_audit');
  const resources = new PlatformResources(config, REAL_OPENERS, { identitySchema: auditSchema });
  const options: RegistryOptions = {
    schema: uniqueName('registry'),
    auditSchema,
    topic: uniqueName('registry_events'),
    relay: { pollIntervalMs: 100, batchSize: 500 },
    copyPollIntervalMs: 100,
    trackingUrl: setup.trackingUrl ?? 'http://127.0.0.1:9',
  };
  const bus = resources.eventBus();
  await bus.ensureTopics([options.topic], 3);
  const events: RegistryEvent[] = [];
  const consumer = bus.createConsumer({ groupId: uniqueName('registry_test') });
  consumer.subscribe(registryEventsTopic(options.topic), (batch) => {
    events.push(...batch.messages.map((message) => message.value));
    return Promise.resolve();
  });
  await consumer.start();

  // Ports are drawn right before they are bound, and drawn again if one was taken meanwhile.
  const { host, grpcPort, httpPort } = await retryOnPortClash(async () => {
    const [grpcPort, httpPort] = await freePorts(2);
    const bound = loadPlatformConfig({ ...env, FLYWHEEL_REGISTRY_GRPC_PORT: String(grpcPort), FLYWHEEL_REGISTRY_HTTP_PORT: String(httpPort) });
    const definition = registryService(bound, resources, options);
    const started = await ServiceHost.start([{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }], {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 5_000,
      auth: setup.auth ?? { enabled: false },
      limits: bound.limits,
    });
    return { host: started, grpcPort, httpPort };
  });
  const grpcAddress = `127.0.0.1:${grpcPort}`;
  return {
    host,
    resources,
    options,
    grpcAddress,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    artifactDir,
    events,
    grpc: registryStub(grpcAddress),
    close: async () => {
      await host.stop();
      await consumer.close();
      await resources.close();
      rmSync(artifactDir, { recursive: true, force: true });
    },
  };
}

/** Promise-returning RegistryService client: `call('createModelVersion', request, token?)`. */
export interface RegistryStub {
  call<K extends keyof registryV1.RegistryServiceController>(
    method: K,
    request: Partial<Parameters<registryV1.RegistryServiceController[K]>[0]>,
    token?: string,
  ): Promise<Exclude<Awaited<ReturnType<registryV1.RegistryServiceController[K]>>, Observable<unknown>>>;
}

export function registryStub(address: string): RegistryStub {
  const definition = loadSync(protoPath(registryV1.protobufFileName), PROTO_LOADER_OPTIONS);
  const loaded = loadPackageDefinition(definition) as unknown as {
    flywheel: { registry: { v1: { RegistryService: ServiceClientConstructor } } };
  };
  const client = new loaded.flywheel.registry.v1.RegistryService(address, credentials.createInsecure()) as Client &
    Record<string, (request: unknown, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void>;
  return {
    call: (method, request, token) =>
      new Promise((resolve, reject) => {
        const metadata = new Metadata();
        if (token) metadata.set('authorization', `Bearer ${token}`);
        client[method]!(request, metadata, (error, response) => (error ? reject(error) : resolve(response as never)));
      }),
  };
}

/** An MLflow REST call: resolves with the status and parsed JSON body. */
export async function mlflow(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked by matchers, not types
): Promise<{ status: number; body: Record<string, any> }> {
  const url = new URL(`${baseUrl}/api/2.0/mlflow/${path}`);
  const init: RequestInit = { method, headers: { ...headers } };
  if (method === 'GET') {
    for (const [key, value] of Object.entries(body)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
  } else {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const response = await fetch(url, init);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
