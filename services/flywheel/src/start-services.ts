import type { PlatformConfig, ServiceName } from '@flywheel/config';
import { PlatformResources } from '@flywheel/platform';
import { exitOnShutdownSignals, ServiceHost } from '@flywheel/service-kit';
import { createLogger, type Logger, type Telemetry } from '@flywheel/telemetry';
import { formatAddressTable } from './address-table';
import { hostOptions } from './host-options';
import { exposureDecision } from './network-exposure';
import { serviceDefinitions } from './service-catalog';

/**
 * Boots the selected services in this process, prints every address served, and exits
 * gracefully on SIGTERM/SIGINT (0 when everything drained and closed in time, 1 otherwise).
 * Infrastructure (bus, databases, artifact store) opens when a service first asks for it and
 * closes after every service drained. Loaded by main only after telemetry started, so Nest
 * and gRPC load instrumented.
 * @returns 1 when start-up failed (the cause is logged); nothing while running.
 */
export async function startServices(
  targets: readonly ServiceName[],
  config: PlatformConfig,
  telemetry: Telemetry,
): Promise<number | undefined> {
  const logger = createLogger('flywheel');
  warnAboutExposure(config, logger);
  const resources = new PlatformResources(config);
  let host: ServiceHost;
  try {
    const options = await hostOptions(config, resources, telemetry.renderMetrics);
    host = await ServiceHost.start(serviceDefinitions(targets, config, resources), options);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await closeResources(resources, logger);
    await telemetry.shutdown();
    return 1;
  }

  exitOnShutdownSignals(async () => {
    const outcome = await host.stop();
    const closed = await closeResources(resources, logger);
    await telemetry.shutdown();
    logger.info({ outcome, resourcesClosed: closed }, 'stopped');
    return outcome === 'drained' && closed ? 0 : 1;
  });
  process.stdout.write(
    `\nFlywheel is running: ${targets.join(', ')}\n\n${formatAddressTable(host.addresses)}\n\n`,
  );
  logger.info({ targets, addresses: host.addresses }, 'started');
  return undefined;
}

/** One line on stderr (and in the log) when the network exposure deserves the operator's attention. */
function warnAboutExposure(config: PlatformConfig, logger: Logger): void {
  const decision = exposureDecision(config);
  if (decision.kind !== 'warn') return;
  logger.warn({ bindHost: config.bindHost, auth: config.auth.enabled }, decision.warning);
  process.stderr.write(`flywheel: WARNING: ${decision.warning}\n`);
}

/** Closes the shared infrastructure; false (logged) when some of it failed to close. */
async function closeResources(resources: PlatformResources, logger: Logger): Promise<boolean> {
  try {
    await resources.close();
    return true;
  } catch (error) {
    logger.error({ err: error }, 'closing infrastructure failed');
    return false;
  }
}
