import { type Environment, loadPlatformConfig } from '@flywheel/config';
import { PlatformModule, PlatformResources } from '@flywheel/platform';
import { ServiceHost } from '@flywheel/service-kit';
import { freePort, retryOnPortClash } from '@flywheel/testing';
import { ingestionService } from '../src/ingestion.definition';
import { ingestionOptionsFrom } from '../src/ingestion-options';

/** An ingestion service running for real, as the process runs it (ServiceHost, platform resources). */
export interface IngestionUnderTest {
  resources: PlatformResources;
  /** `http://127.0.0.1:<port>` of the admin server (/readyz, /metrics). */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts ingestion against `env` (FLYWHEEL_KAFKA_BROKERS, FLYWHEEL_CLICKHOUSE_URL, topics, group,
 * database...) on a free gRPC port, authentication off.
 */
export function startIngestion(env: Environment): Promise<IngestionUnderTest> {
  // The port is drawn again if it was taken between the draw and the bind.
  return retryOnPortClash(() => startIngestionOnce(env));
}

async function startIngestionOnce(env: Environment): Promise<IngestionUnderTest> {
  const config = loadPlatformConfig({ ...env, FLYWHEEL_INGESTION_GRPC_PORT: String(await freePort()) });
  const resources = new PlatformResources(config);
  const definition = ingestionService(config, resources, ingestionOptionsFrom(config, env));
  const host = await ServiceHost.start(
    [{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }],
    {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 10_000,
      auth: { enabled: false },
      limits: config.limits,
    },
  ).catch(async (error: unknown) => {
    await resources.close().catch(() => undefined);
    throw error;
  });
  return {
    resources,
    adminUrl: host.addresses.find((served) => served.owner === 'admin')?.address ?? '',
    async stop() {
      await host.stop();
      await resources.close();
    },
  };
}
