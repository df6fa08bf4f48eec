import { format } from 'node:util';
import { setLogger } from '@grpc/grpc-js';
import { createLogger } from '@flywheel/telemetry';

/**
 * Sends grpc-js's own diagnostics (bind failures, transport errors) through the structured
 * logger instead of bare console lines, so every line a process writes is JSON.
 */
export function routeGrpcLogs(): void {
  const logger = createLogger('grpc-js');
  setLogger({
    error: (...args: unknown[]) => logger.error(format(...args)),
    info: (...args: unknown[]) => logger.info(format(...args)),
    debug: (...args: unknown[]) => logger.debug(format(...args)),
  });
}
