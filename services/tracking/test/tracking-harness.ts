import type { RoutePolicyTable } from '@flywheel/access';
import { type Environment, loadPlatformConfig } from '@flywheel/config';
import { PlatformModule, PlatformResources } from '@flywheel/platform';
import { ServiceHost } from '@flywheel/service-kit';
import { freePorts, retryOnPortClash, testStack, uniqueName } from '@flywheel/testing';
import { trackingService } from '../src/tracking.definition';
import { createTestBucket } from './test-bucket';

/** A tracking service running for real: PostgreSQL, S3 and Kafka of the test stack. */
export interface TrackingUnderTest {
  /** `http://127.0.0.1:<port>`: the MLflow REST base URL. */
  httpUrl: string;
  /** `127.0.0.1:<port>` of the gRPC API. */
  grpcAddress: string;
  /** The tracking schema of this instance. */
  schema: string;
  resources: PlatformResources;
  /** The policy table the guard enforces (the service's plus the kit's) and every route served. */
  routes(): { table: RoutePolicyTable; served: readonly string[] };
  stop(): Promise<void>;
}

export interface TrackingOptions {
  /** Where the registry routes are forwarded (FLYWHEEL_REGISTRY_URL). */
  registryUrl?: string;
}

/**
 * Starts the tracking service as the process does (ServiceHost, the platform's resources), on
 * free ports, in a schema, identity schema and S3 bucket of its own, with authentication off.
 */
export async function startTracking(options: TrackingOptions = {}): Promise<TrackingUnderTest> {
  const stack = testStack();
  const bucket = await createTestBucket();
  const env: Environment = {
    FLYWHEEL_DATABASE_URL: stack.databaseUrl,
    FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    FLYWHEEL_ARTIFACT_ROOT: `s3://${bucket}/${uniqueName('root')}`,
    FLYWHEEL_S3_ENDPOINT: stack.s3.endpoint,
    FLYWHEEL_S3_REGION: stack.s3.region,
    FLYWHEEL_S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
    FLYWHEEL_S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
  };
  const resources = new PlatformResources(loadPlatformConfig(env), undefined, { identitySchema: uniqueName('identity') });
  const schema = uniqueName('tracking');
  await resources.eventBus().ensureTopics(['flywheel.tracking.runs.v1'], 3);
  // Ports are drawn right before they are bound, and drawn again if one was taken meanwhile.
  const { host, grpcPort, httpPort } = await retryOnPortClash(async () => {
    const [grpcPort, httpPort] = await freePorts(2);
    const config = loadPlatformConfig({ ...env, FLYWHEEL_TRACKING_GRPC_PORT: String(grpcPort), FLYWHEEL_TRACKING_HTTP_PORT: String(httpPort) });
    const definition = trackingService(config, resources, {
      FLYWHEEL_TRACKING_SCHEMA: schema,
      ...(options.registryUrl && { FLYWHEEL_REGISTRY_URL: options.registryUrl }),
    });
    const started = await ServiceHost.start(
      [{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }],
      {
        host: '127.0.0.1',
        adminPort: 0,
        renderMetrics: () => Promise.resolve(''),
        shutdownTimeoutMs: 5_000,
        auth: { enabled: false },
        limits: config.limits,
      },
    );
    return { host: started, grpcPort, httpPort };
  });
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    grpcAddress: `127.0.0.1:${grpcPort}`,
    schema,
    resources,
    routes: () => host.routes.find((routes) => routes.service === 'tracking')!,
    async stop() {
      await host.stop();
      await resources.close();
    },
  };
}
