import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

// Nest's own start-up chatter (module wiring, route mapping): useful when debugging, noise
// in every normal start, so it is logged at debug level.
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
  'NestMicroservice',
]);

/**
 * Routes Nest's logging through a pino logger, turning Nest's trailing `context` argument
 * into a `context` field and an error's stack into `stack`.
 */
export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const { context } = splitParams(params);
    const level = context !== undefined && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info';
    this.write(level, message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    const { context, stack } = splitParams(params);
    const fields: Record<string, unknown> = {};
    if (context !== undefined) fields.context = context;
    if (stack !== undefined) fields.stack = stack;
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'string') {
      this.logger[level](fields, message);
    } else {
      this.logger[level]({ ...fields, data: message });
    }
  }
}

/**
 * Nest passes `(message, context)` or, for errors, `(message, stack, context)`; a context is a
 * class name, a stack spans several lines.
 */
function splitParams(params: unknown[]): { context?: string; stack?: string } {
  const strings = params.filter((param): param is string => typeof param === 'string');
  const last = params.at(-1);
  const context = typeof last === 'string' && !last.includes('\n') ? last : undefined;
  const stack = strings.find((param) => param.includes('\n'));
  return { ...(context !== undefined && { context }), ...(stack !== undefined && { stack }) };
}
