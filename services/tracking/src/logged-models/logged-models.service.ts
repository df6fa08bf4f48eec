import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import type { KeyValue } from '../domain/key-value';
import {
  type LoggedModel,
  type LoggedModelStatus,
  type ModelOutput,
  type NewLoggedModel,
  loggedModelNotFound,
} from '../domain/logged-model';
import { failedPrecondition, invalidArgument, notFound } from '../domain/tracking-error';
import { parseExperimentId } from '../domain/validation/experiment-input';
import { lastValueByKey, validateLoggedModelName } from '../domain/validation/logged-model-input';
import { type AuditedChange, TrackingAudit } from '../audit/tracking-audit';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { ExperimentRepository } from '../experiments/experiment.repository';
import { randomRunName } from '../runs/random-run-name';
import { activeRun } from '../runs/run-guards';
import { RunRepository } from '../runs/run.repository';
import { LoggedModelRepository } from './logged-model.repository';

/**
 * MLflow 3 logged models: create (PENDING, artifacts under the experiment's location), read,
 * finalize, delete (soft), tags, params, and the `runs/outputs` link from a run to the models it
 * logged. Every change is one transaction with its audit entry.
 */
@Injectable()
export class LoggedModelsService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly experiments: ExperimentRepository,
    private readonly runs: RunRepository,
    private readonly models: LoggedModelRepository,
    private readonly audit: TrackingAudit,
  ) {}

  async create(actor: Actor, request: NewLoggedModel): Promise<LoggedModel> {
    validateLoggedModelName(request.name);
    const experimentId = parseExperimentId(request.experimentId);
    const modelId = `m-${randomUUID().replaceAll('-', '')}`;
    return this.database.transaction(async (tx) => {
      const experiment = await this.experiments.findById(tx, experimentId, true);
      if (!experiment) throw notFound(`No Experiment with id=${request.experimentId} exists`);
      if (experiment.lifecycleStage !== 'active') {
        throw failedPrecondition(
          `The experiment ${request.experimentId} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`,
        );
      }
      const name = request.name ?? randomRunName();
      await this.models.insert(tx, experimentId, {
        modelId,
        name,
        artifactLocation: `${experiment.artifactLocation}/models/${modelId}/artifacts`,
        creationTimestampMs: Date.now(),
        lastUpdatedTimestampMs: Date.now(),
        modelType: request.modelType || null,
        status: 'LOGGED_MODEL_PENDING',
        sourceRunId: request.sourceRunId || null,
      });
      await this.models.setTags(tx, modelId, lastValueByKey(request.tags));
      await this.models.logParams(tx, modelId, lastValueByKey(request.params));
      await this.record(actor, tx, modelId, {
        experiment_id: request.experimentId,
        name,
        source_run_id: request.sourceRunId,
      });
      return (await this.models.find(tx, modelId))!;
    });
  }

  /** A model by id; deleted ones only with `allowDeleted`, as MLflow's `allow_deleted=true`. */
  async get(modelId: string, allowDeleted = false): Promise<LoggedModel> {
    const model = await this.database.withConnection((c) => this.models.find(c, modelId));
    if (!model || (model.lifecycleStage === 'deleted' && !allowDeleted)) throw loggedModelNotFound(modelId);
    return model;
  }

  /** Sets the status the client reports once the upload finished (READY) or failed. */
  async finalize(actor: Actor, modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
    return this.change(actor, modelId, { status }, async (tx) => {
      await this.models.setStatus(tx, modelId, status, Date.now());
    });
  }

  async delete(actor: Actor, modelId: string): Promise<void> {
    await this.change(actor, modelId, { lifecycle_stage: 'deleted' }, async (tx) => {
      await this.models.setStage(tx, modelId, 'deleted', Date.now());
    });
  }

  /** Sets (or overwrites) tags; a key given twice keeps its last value. */
  async setTags(actor: Actor, modelId: string, tags: readonly KeyValue[]): Promise<void> {
    const unique = lastValueByKey(tags);
    await this.change(actor, modelId, { tags: unique.map((t) => t.key) }, async (tx) => {
      await this.models.setTags(tx, modelId, unique);
    });
  }

  async deleteTag(actor: Actor, modelId: string, key: string): Promise<void> {
    await this.change(actor, modelId, { deleted_tag: key }, async (tx) => {
      if (!(await this.models.deleteTag(tx, modelId, key))) {
        throw notFound(`No tag with key '${key}' found for model with ID '${modelId}'.`);
      }
    });
  }

  /** Params are immutable, as a run's: the same value again is a no-op, another value is refused. */
  async logParams(actor: Actor, modelId: string, params: readonly KeyValue[]): Promise<void> {
    const unique = lastValueByKey(params);
    await this.change(actor, modelId, { params: unique.map((p) => p.key) }, async (tx) => {
      const changed = await this.models.logParams(tx, modelId, unique);
      if (changed.length > 0) {
        throw invalidArgument(
          `Changing param values is not allowed. Params with keys ${JSON.stringify(changed)} were already logged with other values for logged model ID='${modelId}'.`,
        );
      }
    });
  }

  /** `runs/outputs`: records that an active run logged these (existing) models. */
  async logOutputs(actor: Actor, runId: string, outputs: readonly ModelOutput[]): Promise<void> {
    await this.database.transaction(async (tx) => {
      activeRun(await this.runs.findInfo(tx, runId, 'share'), runId);
      const ids = [...new Set(outputs.map((o) => o.modelId))];
      const found = new Set((await this.models.findMany(tx, ids)).map((m) => m.modelId));
      const missing = ids.find((id) => !found.has(id));
      if (missing !== undefined) throw loggedModelNotFound(missing);
      await this.models.logOutputs(tx, runId, outputs);
      await this.audit.record(
        actor,
        { action: 'runs.write', target: { type: 'run', id: runId }, after: { model_outputs: outputs } },
        tx,
      );
    });
  }

  /** Locks the model (refusing an unknown one), applies `work`, audits, returns the model. */
  private change(
    actor: Actor,
    modelId: string,
    after: AuditedChange['after'],
    work: (tx: Connection) => Promise<void>,
  ): Promise<LoggedModel> {
    return this.database.transaction(async (tx) => {
      if ((await this.models.lock(tx, modelId)) === undefined) throw loggedModelNotFound(modelId);
      await work(tx);
      await this.record(actor, tx, modelId, after);
      return (await this.models.find(tx, modelId))!;
    });
  }

  private async record(actor: Actor, tx: Connection, modelId: string, after: unknown): Promise<void> {
    await this.audit.record(
      actor,
      { action: 'runs.write', target: { type: 'logged_model', id: modelId }, after },
      tx,
    );
  }
}
