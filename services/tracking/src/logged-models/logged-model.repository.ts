import { Injectable } from '@nestjs/common';
import type { KeyValue } from '../domain/key-value';
import type { LifecycleStage } from '../domain/lifecycle';
import type { LoggedModel, LoggedModelStatus, ModelOutput } from '../domain/logged-model';
import type { Metric } from '../domain/run';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { type LoggedModelRow, loggedModelDetailsColumns, loggedModelOf } from './logged-model-rows';
import { type LoggedModelSearchPage, loggedModelSearchSql } from './logged-model-search.sql';

/** The columns a new logged model is inserted with. */
export type LoggedModelRecord = Omit<
  LoggedModel,
  'tags' | 'params' | 'metrics' | 'lifecycleStage' | 'experimentId'
>;

/** The only place the SQL of logged models, their params, tags and metrics, and run outputs lives. */
@Injectable()
export class LoggedModelRepository {
  private readonly insertModel;
  private readonly byIds;
  private readonly lockById;
  private readonly upsertTags;
  private readonly deleteTagStatement;
  private readonly insertParams;
  private readonly setStatusStatement;
  private readonly setStageStatement;
  private readonly insertOutputs;
  private readonly insertMetrics;

  constructor(private readonly database: TrackingDatabase) {
    const t = database.tables;
    this.insertModel = database.statement(
      `INSERT INTO ${t.loggedModels} (model_id, experiment_id, name, artifact_location, creation_timestamp_ms,
         last_updated_timestamp_ms, model_type, status, lifecycle_stage, source_run_id)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, 'active', $8)`,
    );
    this.byIds = database.statement(
      `SELECT ${loggedModelDetailsColumns(t)}
       FROM ${t.loggedModels} lm WHERE lm.model_id = ANY($1::text[])`,
    );
    this.lockById = database.statement(
      `SELECT lifecycle_stage FROM ${t.loggedModels} WHERE model_id = $1 FOR UPDATE`,
    );
    this.upsertTags = database.statement(
      `INSERT INTO ${t.loggedModelTags} (model_id, key, value)
       SELECT $1, u.key, u.value FROM unnest($2::text[], $3::text[]) AS u(key, value) ORDER BY u.key
       ON CONFLICT (model_id, key) DO UPDATE SET value = EXCLUDED.value`,
    );
    this.deleteTagStatement = database.statement(
      `DELETE FROM ${t.loggedModelTags} WHERE model_id = $1 AND key = $2`,
    );
    // A key logged again with the same value is a no-op; RETURNING leaves out keys whose stored
    // value differs, which the caller refuses.
    this.insertParams = database.statement(
      `INSERT INTO ${t.loggedModelParams} AS p (model_id, key, value)
       SELECT $1, u.key, u.value FROM unnest($2::text[], $3::text[]) AS u(key, value) ORDER BY u.key
       ON CONFLICT (model_id, key) DO UPDATE SET value = p.value WHERE p.value = EXCLUDED.value
       RETURNING p.key`,
    );
    this.setStatusStatement = database.statement(
      `UPDATE ${t.loggedModels} SET status = $2, last_updated_timestamp_ms = $3 WHERE model_id = $1`,
    );
    this.setStageStatement = database.statement(
      `UPDATE ${t.loggedModels} SET lifecycle_stage = $2, last_updated_timestamp_ms = $3 WHERE model_id = $1`,
    );
    this.insertOutputs = database.statement(
      `INSERT INTO ${t.runModelOutputs} (run_id, model_id, step)
       SELECT $1, u.model_id, u.step FROM unnest($2::text[], $3::int8[]) AS u(model_id, step)
       ON CONFLICT DO NOTHING`,
    );
    // An exact re-log (same key, time, step, run and dataset) is a no-op, as in the run's history.
    this.insertMetrics = database.statement(
      `INSERT INTO ${t.loggedModelMetrics} (model_id, key, value, timestamp, step, run_id, dataset_name, dataset_digest)
       SELECT u.model_id, u.key, u.value, u.timestamp, u.step, $1, u.dataset_name, u.dataset_digest
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::int8[], $6::int8[], $7::text[], $8::text[])
         AS u(model_id, key, value, timestamp, step, dataset_name, dataset_digest)
       ORDER BY u.model_id, u.key, u.timestamp, u.step
       ON CONFLICT DO NOTHING`,
    );
  }

  async insert(connection: Connection, experimentId: bigint, model: LoggedModelRecord): Promise<void> {
    await this.insertModel.run(connection, [
      model.modelId,
      experimentId,
      model.name,
      model.artifactLocation,
      model.creationTimestampMs,
      model.modelType,
      model.status,
      model.sourceRunId,
    ]);
  }

  async find(connection: Connection, modelId: string): Promise<LoggedModel | undefined> {
    return (await this.findMany(connection, [modelId]))[0];
  }

  /** The models with these ids, in the order of `modelIds` (missing ones left out). */
  async findMany(connection: Connection, modelIds: readonly string[]): Promise<LoggedModel[]> {
    if (modelIds.length === 0) return [];
    const result = await this.byIds.run<LoggedModelRow>(connection, [modelIds]);
    const byId = new Map(result.rows.map((row) => [row.model_id, loggedModelOf(row)]));
    return modelIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Locks the model's row until the transaction ends; undefined when there is no such model. */
  async lock(connection: Connection, modelId: string): Promise<LifecycleStage | undefined> {
    const result = await this.lockById.run<{ lifecycle_stage: LifecycleStage }>(connection, [modelId]);
    return result.rows[0]?.lifecycle_stage;
  }

  async setTags(connection: Connection, modelId: string, tags: readonly KeyValue[]): Promise<void> {
    if (tags.length === 0) return;
    await this.upsertTags.run(connection, [modelId, tags.map((t) => t.key), tags.map((t) => t.value)]);
  }

  /** Whether the tag existed. */
  async deleteTag(connection: Connection, modelId: string, key: string): Promise<boolean> {
    return ((await this.deleteTagStatement.run(connection, [modelId, key])).rowCount ?? 0) > 0;
  }

  /** Logs params; returns the keys that were already logged with another value (nothing is changed for them). */
  async logParams(connection: Connection, modelId: string, params: readonly KeyValue[]): Promise<string[]> {
    if (params.length === 0) return [];
    const result = await this.insertParams.run<{ key: string }>(connection, [
      modelId,
      params.map((p) => p.key),
      params.map((p) => p.value),
    ]);
    const written = new Set(result.rows.map((row) => row.key));
    return params.filter((p) => !written.has(p.key)).map((p) => p.key);
  }

  async setStatus(connection: Connection, modelId: string, status: LoggedModelStatus, now: number) {
    await this.setStatusStatement.run(connection, [modelId, status, now]);
  }

  async setStage(connection: Connection, modelId: string, stage: LifecycleStage, now: number) {
    await this.setStageStatement.run(connection, [modelId, stage, now]);
  }

  async logOutputs(connection: Connection, runId: string, outputs: readonly ModelOutput[]): Promise<void> {
    if (outputs.length === 0) return;
    await this.insertOutputs.run(connection, [
      runId,
      outputs.map((o) => o.modelId),
      outputs.map((o) => o.step),
    ]);
  }

  /** Records run metrics that name a logged model for that model too; the caller checks the models exist. */
  async logMetrics(connection: Connection, runId: string, metrics: readonly Metric[]): Promise<void> {
    const linked = metrics.flatMap((metric) => (metric.model ? [{ ...metric, model: metric.model }] : []));
    if (linked.length === 0) return;
    await this.insertMetrics.run(connection, [
      runId,
      linked.map((m) => m.model.modelId),
      linked.map((m) => m.key),
      linked.map((m) => m.value),
      linked.map((m) => m.timestamp),
      linked.map((m) => m.step),
      linked.map((m) => m.model.datasetName),
      linked.map((m) => m.model.datasetDigest),
    ]);
  }

  /** The models of one search page, complete, in order, in one statement: the page's ids, then each model's details. */
  async search(connection: Connection, page: LoggedModelSearchPage): Promise<LoggedModel[]> {
    const t = this.database.tables;
    const ids = loggedModelSearchSql(t, page);
    // Keys and values are parameters, so searches of one shape share a text and its plan.
    const statement = this.database.statement(
      `SELECT ${loggedModelDetailsColumns(t)}
       FROM unnest(ARRAY(${ids.text})) WITH ORDINALITY AS page(model_id, position)
       JOIN ${t.loggedModels} lm ON lm.model_id = page.model_id
       ORDER BY page.position`,
    );
    const result = await statement.run<LoggedModelRow>(connection, ids.values);
    return result.rows.map(loggedModelOf);
  }
}
