import { createLogger } from '@flywheel/telemetry';

/**
 * On the first SIGTERM or SIGINT runs `shutdown` and exits with the code it returns (1 if it
 * throws); a second signal exits at once with 1, for an operator who will not wait.
 */
export function exitOnShutdownSignals(shutdown: () => Promise<number>): void {
  const logger = createLogger('shutdown');
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting without waiting for the drain');
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining in-flight work');
    shutdown().then(
      (code) => process.exit(code),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
