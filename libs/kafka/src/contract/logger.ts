/**
 * The logger the event bus writes to. Four methods, message first, so pino (through a two-line
 * adapter), Nest's Logger and console all fit without this library depending on any of them.
 */
export interface BusLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function ignore(): void {}

/** Drops everything: for tests and benchmarks that assert on behaviour, not logs. */
export const silentLogger: BusLogger = Object.freeze({ debug: ignore, info: ignore, warn: ignore, error: ignore });

/**
 * The default: warnings and errors to stderr, nothing else. Errors must not vanish when a caller
 * forgets to pass a logger, but routine chatter should not flood a service's output either.
 */
export const stderrLogger: BusLogger = Object.freeze({
  debug: ignore,
  info: ignore,
  warn: (message: string, fields?: Record<string, unknown>) => console.warn(`[flywheel/kafka] ${message}`, fields ?? ''),
  error: (message: string, fields?: Record<string, unknown>) => console.error(`[flywheel/kafka] ${message}`, fields ?? ''),
});
