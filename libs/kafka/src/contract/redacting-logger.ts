import { BusLogger } from './logger';

export const REDACTED_SECRET = '[redacted]';

/**
 * A logger that replaces every occurrence of the given secret values in messages and fields
 * (nested too) before passing them on. Belt and braces: neither kafkajs nor this library logs
 * credentials, but a broker error echoing one, or a future log line, must not leak it.
 */
export function redactingLogger(logger: BusLogger, secrets: readonly string[]): BusLogger {
  const values = secrets.filter((secret) => secret.length > 0);
  if (values.length === 0) return logger;
  const scrub = (text: string) => values.reduce((out, secret) => out.replaceAll(secret, REDACTED_SECRET), text);
  const scrubFields = (fields?: Record<string, unknown>) => (fields === undefined ? undefined : (scrubValue(fields, scrub, new WeakSet()) as Record<string, unknown>));
  return {
    debug: (message, fields) => logger.debug(scrub(message), scrubFields(fields)),
    info: (message, fields) => logger.info(scrub(message), scrubFields(fields)),
    warn: (message, fields) => logger.warn(scrub(message), scrubFields(fields)),
    error: (message, fields) => logger.error(scrub(message), scrubFields(fields)),
  };
}

function scrubValue(value: unknown, scrub: (text: string) => string, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message));
    copy.name = value.name;
    if (value.stack !== undefined) copy.stack = scrub(value.stack);
    return copy;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub, seen));
  if (value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, scrubValue(child, scrub, seen)]));
}
