import { Injectable } from '@nestjs/common';
import type { Experiment } from '../domain/experiment';
import type { KeyValue } from '../domain/key-value';
import type { LifecycleStage } from '../domain/lifecycle';
import { type KeyValueRows, keyValuesOf, millis } from '../database/json-rows';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { type ExperimentSearchPage, experimentSearchSql } from './experiment-search.sql';

interface ExperimentRow {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  creation_time: string;
  last_update_time: string;
  tags: KeyValueRows;
}

/** The only place the SQL of experiments and their tags lives. */
@Injectable()
export class ExperimentRepository {
  private readonly columns: string;
  private readonly insertExperiment;
  private readonly upsertTags;
  private readonly deleteTagStatement;
  private readonly byId;
  private readonly byIdShared;
  private readonly byName;
  private readonly setStage;
  private readonly renameStatement;

  constructor(private readonly database: TrackingDatabase) {
    const t = database.tables;
    this.columns = `e.experiment_id::text AS experiment_id, e.name, e.artifact_location, e.lifecycle_stage,
      e.creation_time, e.last_update_time,
      (SELECT json_agg(json_build_array(x.key, x.value) ORDER BY x.key)
         FROM ${t.experimentTags} x WHERE x.experiment_id = e.experiment_id) AS tags`;
    // The id is drawn first so the default artifact location can name it in the same statement.
    this.insertExperiment = database.statement(
      `WITH next AS (SELECT nextval(pg_get_serial_sequence('${t.experiments}', 'experiment_id')) AS id)
       INSERT INTO ${t.experiments} (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
       SELECT next.id, $1, 'mlflow-artifacts:/' || next.id, 'active', $2, $2 FROM next
       ON CONFLICT (name) DO NOTHING
       RETURNING experiment_id::text AS experiment_id`,
    );
    this.upsertTags = database.statement(
      `INSERT INTO ${t.experimentTags} (experiment_id, key, value)
       SELECT $1, u.key, u.value FROM unnest($2::text[], $3::text[]) AS u(key, value) ORDER BY u.key
       ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value`,
    );
    this.deleteTagStatement = database.statement(
      `DELETE FROM ${t.experimentTags} WHERE experiment_id = $1 AND key = $2`,
    );
    this.byId = database.statement(
      `SELECT ${this.columns} FROM ${t.experiments} e WHERE e.experiment_id = $1`,
    );
    // Creating a run shares the experiment row so a concurrent delete waits for it.
    this.byIdShared = database.statement(
      `SELECT ${this.columns} FROM ${t.experiments} e WHERE e.experiment_id = $1 FOR SHARE OF e`,
    );
    this.byName = database.statement(`SELECT ${this.columns} FROM ${t.experiments} e WHERE e.name = $1`);
    this.setStage = database.statement(
      `UPDATE ${t.experiments} SET lifecycle_stage = $3, last_update_time = $4
       WHERE experiment_id = $1 AND lifecycle_stage = $2`,
    );
    this.renameStatement = database.statement(
      `UPDATE ${t.experiments} SET name = $2, last_update_time = $3 WHERE experiment_id = $1`,
    );
  }

  /** Inserts an active experiment; undefined when the name is taken. */
  async insert(connection: Connection, name: string, now: number): Promise<string | undefined> {
    const result = await this.insertExperiment.run<{ experiment_id: string }>(connection, [name, now]);
    return result.rows[0]?.experiment_id;
  }

  /** Sets tags, replacing values of existing keys; the last of repeated keys wins. */
  async setTags(connection: Connection, experimentId: bigint, tags: readonly KeyValue[]): Promise<void> {
    if (tags.length === 0) return;
    const byKey = new Map(tags.map((tag) => [tag.key, tag.value]));
    await this.upsertTags.run(connection, [experimentId, [...byKey.keys()], [...byKey.values()]]);
  }

  /** Whether the tag existed. */
  async deleteTag(connection: Connection, experimentId: bigint, key: string): Promise<boolean> {
    return ((await this.deleteTagStatement.run(connection, [experimentId, key])).rowCount ?? 0) > 0;
  }

  /** `share` locks the row against deletion until the transaction ends. */
  async findById(
    connection: Connection,
    experimentId: bigint,
    share = false,
  ): Promise<Experiment | undefined> {
    const result = await (share ? this.byIdShared : this.byId).run<ExperimentRow>(connection, [experimentId]);
    return result.rows[0] && experimentOf(result.rows[0]);
  }

  async findByName(connection: Connection, name: string): Promise<Experiment | undefined> {
    const result = await this.byName.run<ExperimentRow>(connection, [name]);
    return result.rows[0] && experimentOf(result.rows[0]);
  }

  /** Moves an experiment from one stage to the other; false when it was not in `from`. */
  async changeStage(
    connection: Connection,
    experimentId: bigint,
    from: LifecycleStage,
    to: LifecycleStage,
    now: number,
  ): Promise<boolean> {
    return ((await this.setStage.run(connection, [experimentId, from, to, now])).rowCount ?? 0) > 0;
  }

  /** @throws the driver's unique violation when the name is taken. */
  async rename(connection: Connection, experimentId: bigint, name: string, now: number): Promise<void> {
    await this.renameStatement.run(connection, [experimentId, name, now]);
  }

  /** The experiments of one search page, in order (up to `page.limit` rows). */
  async search(connection: Connection, page: ExperimentSearchPage): Promise<Experiment[]> {
    const { text, values } = experimentSearchSql(this.database.tables, this.columns, page);
    // Keys and values are parameters, so searches of one shape share a text and its plan.
    const result = await this.database.statement(text).run<ExperimentRow>(connection, values);
    return result.rows.map(experimentOf);
  }
}

function experimentOf(row: ExperimentRow): Experiment {
  return {
    experimentId: row.experiment_id,
    name: row.name,
    artifactLocation: row.artifact_location,
    lifecycleStage: row.lifecycle_stage,
    creationTime: millis(row.creation_time),
    lastUpdateTime: millis(row.last_update_time),
    tags: keyValuesOf(row.tags),
  };
}
