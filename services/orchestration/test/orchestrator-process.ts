/**
 * One orchestrator as a process of its own, so a test can SIGKILL it mid-step. Started by
 * `killed-process.int-spec.ts` through @swc-node/register; settings come as JSON in argv[2].
 * Prints `ready` once its gRPC port listens.
 */
import { loadPlatformConfig } from '@flywheel/config';
import { ApiKeyAuthenticator, ApiKeyRepository } from '@flywheel/identity';
import { PlatformModule, PlatformResources, REAL_OPENERS } from '@flywheel/platform';
import { ServiceHost } from '@flywheel/service-kit';
import { orchestrationService } from '../src/orchestration.definition';
import type { OrchestrationOptions } from '../src/orchestration-options';

interface ChildSettings {
  databaseUrl: string;
  dataDir: string;
  grpcPort: number;
  identitySchema: string;
  pepper: string;
  options: OrchestrationOptions;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]!) as ChildSettings;
  const config = loadPlatformConfig({
    FLYWHEEL_DATABASE_URL: settings.databaseUrl,
    FLYWHEEL_DATA_DIR: settings.dataDir,
    FLYWHEEL_ORCHESTRATION_GRPC_PORT: String(settings.grpcPort),
  });
  const resources = new PlatformResources(config, REAL_OPENERS, { identitySchema: settings.identitySchema });
  const pool = await resources.postgres();
  const keys = new ApiKeyRepository(pool, { pepper: settings.pepper, schema: settings.identitySchema });
  const definition = orchestrationService(config, resources, settings.options);
  await ServiceHost.start(
    [{ ...definition, imports: [...(definition.imports ?? []), PlatformModule.forResources(resources)] }],
    {
      host: '127.0.0.1',
      adminPort: 0,
      renderMetrics: () => Promise.resolve(''),
      shutdownTimeoutMs: 5_000,
      auth: { enabled: true, authenticator: new ApiKeyAuthenticator(keys, { pepper: settings.pepper }) },
      limits: config.limits,
    },
  );
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
