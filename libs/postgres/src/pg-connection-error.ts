/** Raised when a connection to PostgreSQL cannot be opened; names the server without its password. */
export class PgConnectionError extends Error {
  override readonly name = 'PgConnectionError';

  constructor(target: string, cause: unknown) {
    super(`cannot connect to PostgreSQL at ${target}: ${describeCause(cause)}`, { cause });
  }
}

/**
 * Node reports "localhost" failures (IPv6 then IPv4) as an AggregateError with an empty
 * message, so the inner errors are spelled out.
 */
function describeCause(cause: unknown): string {
  if (cause instanceof AggregateError && !cause.message) {
    return cause.errors.map((inner) => (inner instanceof Error ? inner.message : String(inner))).join('; ');
  }
  if (cause instanceof Error) return cause.message || cause.name;
  return String(cause);
}
