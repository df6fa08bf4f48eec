import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { rememberChdbSession } from './chdb-raw-insert';
import { parseClickHouseUrl } from './clickhouse-url';

export interface ClickHouseOptions {
  /** HTTP only: how long a request may take, in ms (default 300 000). */
  requestTimeoutMs?: number;
  /** HTTP only: reported to the server as the client application (default `flywheel`). */
  applicationName?: string;
}

/**
 * An `@clickhouse/client` client for a ClickHouse server (`http(s)://...`) or for chDB, the
 * ClickHouse engine in this process (`chdb://<dir>`). Close it with `client.close()`.
 *
 * chDB binds one data directory per process: several clients may share the same
 * directory (each has its own session), but opening a second directory while any client
 * of the first is open throws; close them all first.
 */
export function createClickHouse(url: string, options: ClickHouseOptions = {}): ClickHouseClient {
  const target = parseClickHouseUrl(url);
  if (target.kind === 'chdb') {
    let connection;
    try {
      connection = createChdbConnection({ path: target.path });
    } catch (error) {
      throw new Error(
        `cannot open chDB data directory ${target.path}: ${(error as Error).message} ` +
          '(chDB runs one data directory per process; close every client of the other directory first)',
        { cause: error },
      );
    }
    // chdb declares the Connection contract from @clickhouse/client-common, which
    // @clickhouse/client now vendors: the same shape under two declarations.
    const client = createClient({
      connection: connection as unknown as ClickHouseClientConfigOptions['connection'],
    });
    rememberChdbSession(client, connection.chdb);
    return client;
  }
  return createClient({
    url: target.url,
    username: target.username,
    password: target.password,
    database: target.database,
    request_timeout: options.requestTimeoutMs ?? 300_000,
    application: options.applicationName ?? 'flywheel',
  });
}
