/**
 * Validates a PostgreSQL connection string and returns `postgres://user@host:port/database`
 * (password removed), so errors and logs can name the server without echoing a secret.
 */
export function describePgConnectionString(connectionString: string, field = 'connectionString'): string {
  // The raw value may hold a password, so it is never repeated in an error. Without "://",
  // `user:password@host` would parse as a URL whose scheme is the user name.
  const url = connectionString.includes('://') ? parseUrl(connectionString) : undefined;
  if (!url)
    throw new Error(`${field} is not a valid URL (expected postgres://user:password@host:port/database)`);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`${field} must use postgres:// or postgresql://, got ${url.protocol}//`);
  }
  const socketHost = url.searchParams.get('host');
  if (!url.hostname && !socketHost) {
    throw new Error(`${field} names no host (expected postgres://user:password@host:port/database)`);
  }
  const user = url.username ? `${url.username}@` : '';
  const host = url.hostname ? `${url.hostname}:${url.port || '5432'}` : `[${socketHost}]`;
  return `postgres://${user}${host}${url.pathname}`;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
