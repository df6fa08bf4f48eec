import type { PlatformConfig, ServiceName } from '@flywheel/config';
import { exitOnShutdownSignals, ServiceHost } from '@flywheel/service-kit';
import { createLogger, type Telemetry } from '@flywheel/telemetry';
import { formatAddressTable } from './address-table';
import { serviceDefinitions } from './service-catalog';

/**
 * Boots the selected services in this process, prints every address served, and exits
 * gracefully on SIGTERM/SIGINT (0 when everything drained in time, 1 otherwise).
 * Loaded by main only after telemetry started, so Nest and gRPC load instrumented.
 * @returns 1 when start-up failed (the cause is logged); nothing while running.
 */
export async function startServices(
  targets: readonly ServiceName[],
  config: PlatformConfig,
  telemetry: Telemetry,
): Promise<number | undefined> {
  const logger = createLogger('flywheel');
  let host: ServiceHost;
  try {
    host = await ServiceHost.start(serviceDefinitions(targets, config), {
      host: config.bindHost,
      adminPort: config.adminPort,
      renderMetrics: telemetry.renderMetrics,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await telemetry.shutdown();
    return 1;
  }

  exitOnShutdownSignals(async () => {
    const outcome = await host.stop();
    await telemetry.shutdown();
    logger.info({ outcome }, 'stopped');
    return outcome === 'drained' ? 0 : 1;
  });
  process.stdout.write(
    `\nFlywheel is running: ${targets.join(', ')}\n\n${formatAddressTable(host.addresses)}\n\n`,
  );
  logger.info({ targets, addresses: host.addresses }, 'started');
  return undefined;
}
