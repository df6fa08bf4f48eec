import { createHash } from 'node:crypto';
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';

/** Where statements run: a pooled connection, inside a transaction or not. */
export type Connection = Pick<PoolClient, 'query'>;

/**
 * A fixed SQL text, optionally named so PostgreSQL parses and plans it once per connection.
 * The name derives from the text, so two texts never share a name (the schema is part of it).
 */
export class Statement {
  readonly name: string | undefined;

  constructor(
    readonly text: string,
    named: boolean,
  ) {
    this.name = named ? `trk_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` : undefined;
  }

  run<R extends QueryResultRow = QueryResultRow>(
    connection: Connection,
    values: unknown[] = [],
  ): Promise<QueryResult<R>> {
    return connection.query<R>({ text: this.text, name: this.name, values });
  }
}
