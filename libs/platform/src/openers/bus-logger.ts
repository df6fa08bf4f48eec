import type { BusLogger } from '@flywheel/kafka';
import { createLogger } from '@flywheel/telemetry';

/** The event bus's logs, through the process's structured logger. */
export function busLogger(): BusLogger {
  const logger = createLogger('event-bus');
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
