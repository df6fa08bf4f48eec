import { resolve } from 'node:path';

/** Where a ClickHouse URL points: a server over HTTP(S), or the in-process chDB engine. */
export type ClickHouseTarget =
  | {
      kind: 'http';
      /** `http(s)://host:port`, credentials and database removed. */
      url: string;
      username: string;
      password: string;
      database: string;
      /** Password-free form for logs and errors. */
      description: string;
    }
  | { kind: 'chdb'; /** Absolute data directory. */ path: string; description: string };

const CHDB_PREFIX = 'chdb://';

/**
 * Parses `http(s)://user:password@host:port/database` or `chdb://<dir>` (`chdb:///abs/dir`
 * or `chdb://relative/dir`, resolved against the working directory).
 */
export function parseClickHouseUrl(value: string, field = 'ClickHouse URL'): ClickHouseTarget {
  if (value.startsWith(CHDB_PREFIX)) {
    const dir = value.slice(CHDB_PREFIX.length);
    if (!dir)
      throw new Error(`${field} chdb:// needs a data directory, e.g. chdb:///var/lib/flywheel/clickhouse`);
    const path = resolve(dir);
    return { kind: 'chdb', path, description: `chdb://${path}` };
  }
  const url = value.includes('://') ? parseUrl(value) : undefined;
  // The raw value may hold a password, so errors describe it without repeating it.
  if (!url) throw new Error(`${field} must be http(s)://user:password@host:port/database or chdb://<dir>`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${field} must use http://, https:// or chdb://, got ${url.protocol}//`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\/|\/$/g, '')) || 'default';
  if (database.includes('/'))
    throw new Error(`${field} path must be a single database name, got ${url.pathname}`);
  if (url.search || url.hash) throw new Error(`${field} must not carry query parameters or a fragment`);
  const port = url.port || (url.protocol === 'https:' ? '8443' : '8123');
  const origin = `${url.protocol}//${url.hostname}:${port}`;
  const username = decodeURIComponent(url.username) || 'default';
  return {
    kind: 'http',
    url: origin,
    username,
    password: decodeURIComponent(url.password),
    database,
    description: `${url.protocol}//${username}@${url.hostname}:${port}/${database}`,
  };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
