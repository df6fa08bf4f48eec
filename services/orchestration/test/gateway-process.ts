/**
 * The serving gateway as a process of its own (onnxruntime-node rejects typed arrays made inside
 * Jest's sandbox, so it cannot serve in the test process). Started by `retrain-loop.int-spec.ts`
 * through @swc-node/register with settings as JSON in argv[2]; prints `ready` once it serves.
 */
import { loadPlatformConfig } from '@flywheel/config';
import { PlatformModule, PlatformResources, REAL_OPENERS } from '@flywheel/platform';
import { ServiceHost } from '@flywheel/service-kit';
// Tests only: the gateway serves what the orchestrator registered and deployed.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { servingGatewayService } from '@flywheel/serving-gateway';

interface GatewaySettings {
  kafkaBrokers: string;
  artifactRoot: string;
  registryAddress: string;
  deploymentTopic: string;
  httpPort: number;
  grpcPort: number;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]!) as GatewaySettings;
  const env = {
    FLYWHEEL_KAFKA_BROKERS: settings.kafkaBrokers,
    FLYWHEEL_ARTIFACT_ROOT: settings.artifactRoot,
    FLYWHEEL_SERVING_HTTP_PORT: String(settings.httpPort),
    FLYWHEEL_SERVING_GRPC_PORT: String(settings.grpcPort),
    FLYWHEEL_SERVING_REGISTRY_ADDRESS: settings.registryAddress,
    FLYWHEEL_SERVING_DEPLOYMENT_TOPIC: settings.deploymentTopic,
    FLYWHEEL_SERVING_LOGGING: 'off',
  };
  // The gateway reads its own settings (FLYWHEEL_SERVING_*) from the process environment.
  Object.assign(process.env, env);
  const config = loadPlatformConfig(env);
  const resources = new PlatformResources(config, REAL_OPENERS);
  const definition = servingGatewayService(config, resources);
  await ServiceHost.start(
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
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
