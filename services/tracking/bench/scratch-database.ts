import { testStack } from '@flywheel/testing';
import { Client } from 'pg';

/** A fresh database on the stack's PostgreSQL server, so each server starts from empty tables. */
export interface ScratchDatabase {
  readonly name: string;
  /** postgres://user:pass@host:port/<name> */
  readonly url: URL;
  drop(): Promise<void>;
}

export async function createScratchDatabase(name: string): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name must be [a-z0-9_]+, got ${name}`);
  const serverUrl = testStack().databaseUrl;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // FORCE: a server that was killed mid-run must not keep the database alive through its pool.
  return { name, url, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
