import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlatformConfig } from '@flywheel/config';
import { PlatformModule, PlatformResources, REAL_OPENERS } from '@flywheel/platform';
import { type ServiceDefinition, ServiceHost } from '@flywheel/service-kit';
import { freePorts, testStack, uniqueName } from '@flywheel/testing';
// The retrain loop is tested against the real tracking and registry services, started in-process
// as the flywheel process composes them (tests only; the orchestration source never imports them).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { registryService } from '@flywheel/registry';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { trackingService } from '@flywheel/tracking';

/** Tracking and registry sharing one artifact root (as in one deployment), with auth off. */
export interface LoopServices {
  artifactRoot: string;
  trackingUrl: string;
  registryAddress: string;
  registryEventsTopic: string;
  close(): Promise<void>;
}

async function host(
  definition: ServiceDefinition,
  resources: PlatformResources,
  limits: never,
): Promise<ServiceHost> {
  return ServiceHost.start(
    [{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }],
    {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 5_000,
      auth: { enabled: false },
      limits,
    },
  );
}

export async function startLoopServices(): Promise<LoopServices> {
  const stack = testStack();
  const artifactDir = mkdtempSync(join(tmpdir(), 'loop-artifacts-'));
  const [trackingGrpc, trackingHttp, registryGrpc, registryHttp] = await freePorts(4);
  const config = loadPlatformConfig({
    FLYWHEEL_DATABASE_URL: stack.databaseUrl,
    FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    FLYWHEEL_ARTIFACT_ROOT: `file://${artifactDir}`,
    FLYWHEEL_TRACKING_GRPC_PORT: String(trackingGrpc),
    FLYWHEEL_TRACKING_HTTP_PORT: String(trackingHttp),
    FLYWHEEL_REGISTRY_GRPC_PORT: String(registryGrpc),
    FLYWHEEL_REGISTRY_HTTP_PORT: String(registryHttp),
  });
  const identitySchema = uniqueName('loop_identity');
  const trackingResources = new PlatformResources(config, REAL_OPENERS, { identitySchema });
  const registryResources = new PlatformResources(config, REAL_OPENERS, { identitySchema });
  const trackingUrl = `http://127.0.0.1:${trackingHttp}`;
  const registryEventsTopic = uniqueName('loop_registry_events');
  await trackingResources.eventBus().ensureTopics(['flywheel.tracking.runs.v1', registryEventsTopic], 1);
  const tracking = await host(
    trackingService(config, trackingResources, { FLYWHEEL_TRACKING_SCHEMA: uniqueName('loop_tracking') }),
    trackingResources,
    config.limits as never,
  );
  const registry = await host(
    registryService(config, registryResources, {
      schema: uniqueName('loop_registry'),
      auditSchema: identitySchema,
      topic: registryEventsTopic,
      relay: { pollIntervalMs: 100, batchSize: 500 },
      copyPollIntervalMs: 100,
      trackingUrl,
    }),
    registryResources,
    config.limits as never,
  );
  return {
    artifactRoot: `file://${artifactDir}`,
    trackingUrl,
    registryAddress: `127.0.0.1:${registryGrpc}`,
    registryEventsTopic,
    close: async () => {
      await registry.stop();
      await tracking.stop();
      await registryResources.close();
      await trackingResources.close();
      rmSync(artifactDir, { recursive: true, force: true });
    },
  };
}
