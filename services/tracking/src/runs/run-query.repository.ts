import { Injectable } from '@nestjs/common';
import type { Run } from '../domain/run';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { runDetailsColumns } from './run-details.sql';
import { type RunDetailsRow, runOf } from './run-rows';
import { type RunSearchPage, runSearchSql } from './run-search.sql';

/** The only place the SQL that reads complete runs (GetRun, SearchRuns) lives. */
@Injectable()
export class RunQueryRepository {
  private readonly byId;

  constructor(private readonly database: TrackingDatabase) {
    const t = database.tables;
    this.byId = database.statement(`SELECT ${runDetailsColumns(t)} FROM ${t.runs} r WHERE r.run_id = $1`);
  }

  async find(connection: Connection, runId: string): Promise<Run | undefined> {
    const result = await this.byId.run<RunDetailsRow>(connection, [runId]);
    return result.rows[0] && runOf(result.rows[0]);
  }

  /**
   * The runs of one search page, complete, in search order, in one statement: the page's ids
   * (ARRAY keeps their order), then each run's details.
   */
  async search(connection: Connection, page: RunSearchPage): Promise<Run[]> {
    const t = this.database.tables;
    const ids = runSearchSql(t, page);
    // Keys and values are parameters, so searches of one shape share a text and its plan.
    const statement = this.database.statement(
      `SELECT ${runDetailsColumns(t)}
       FROM unnest(ARRAY(${ids.text})) WITH ORDINALITY AS page(run_id, position)
       JOIN ${t.runs} r ON r.run_id = page.run_id
       ORDER BY page.position`,
    );
    const result = await statement.run<RunDetailsRow>(connection, ids.values);
    return result.rows.map(runOf);
  }
}
