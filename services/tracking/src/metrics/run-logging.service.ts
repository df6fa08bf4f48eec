import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import type { KeyValue } from '../domain/key-value';
import { loggedModelNotFound } from '../domain/logged-model';
import { type Metric, RUN_NAME_TAG } from '../domain/run';
import { notFound } from '../domain/tracking-error';
import { checkBatchLimits } from '../domain/validation/batch-limits';
import { type RunDataBatch, validateRunData } from '../domain/validation/run-data';
import { TrackingAudit } from '../audit/tracking-audit';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { LoggedModelRepository } from '../logged-models/logged-model.repository';
import { activeRun } from '../runs/run-guards';
import { RunRepository } from '../runs/run.repository';
import { LOGGED_MODELS_TAG, appendedHistory, parseModelJson } from './logged-model-record';
import { paramConflictError } from './param-conflicts';
import { RunDataRepository } from './run-data.repository';

/**
 * Logging to an active run: metrics, params and tags, alone or in batches. A call is one
 * transaction around one statement for the whole batch, so a refused batch writes nothing.
 */
@Injectable()
export class RunLoggingService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly runs: RunRepository,
    private readonly runData: RunDataRepository,
    private readonly loggedModels: LoggedModelRepository,
    private readonly audit: TrackingAudit,
  ) {}

  /** MLflow's log-batch: at most 1000 metrics, 100 params, 100 tags; params are immutable. */
  logBatch(actor: Actor, runId: string, batch: RunDataBatch): Promise<void> {
    checkBatchLimits(batch);
    return this.write(actor, runId, validateRunData(batch), false);
  }

  logMetric(actor: Actor, runId: string, metric: Metric): Promise<void> {
    return this.write(actor, runId, validateRunData({ metrics: [metric], params: [], tags: [] }, true), true);
  }

  logParam(actor: Actor, runId: string, param: KeyValue): Promise<void> {
    return this.write(actor, runId, validateRunData({ metrics: [], params: [param], tags: [] }, true), true);
  }

  setTag(actor: Actor, runId: string, tag: KeyValue): Promise<void> {
    return this.write(actor, runId, validateRunData({ metrics: [], params: [], tags: [tag] }, true), true);
  }

  /** MLflow 2.x log-model: appends the model's description to the run's `mlflow.log-model.history` tag. */
  async recordLoggedModel(actor: Actor, runId: string, modelJson: string): Promise<void> {
    const model = parseModelJson(modelJson);
    await this.database.transaction(async (tx) => {
      activeRun(await this.runs.findInfo(tx, runId, 'update'), runId);
      const history = appendedHistory(await this.runData.findTag(tx, runId, LOGGED_MODELS_TAG), model);
      await this.runData.setTags(tx, runId, [{ key: LOGGED_MODELS_TAG, value: history }]);
      await this.audit.record(
        actor,
        {
          action: 'runs.write',
          target: { type: 'run', id: runId },
          after: { logged_model: model.artifact_path },
        },
        tx,
      );
    });
  }

  async deleteTag(actor: Actor, runId: string, key: string): Promise<void> {
    await this.database.transaction(async (tx) => {
      activeRun(await this.runs.findInfo(tx, runId, 'share'), runId);
      if (!(await this.runData.deleteTag(tx, runId, key))) {
        throw notFound(`No tag with name: ${key} in run with id ${runId}`);
      }
      await this.audit.record(
        actor,
        { action: 'runs.write', target: { type: 'run', id: runId }, before: { tag: key } },
        tx,
      );
    });
  }

  private async write(actor: Actor, runId: string, batch: RunDataBatch, single: boolean): Promise<void> {
    const runName = batch.tags.findLast((tag) => tag.key === RUN_NAME_TAG)?.value;
    await this.database.transaction(async (tx) => {
      const { stage, conflicts } = await this.runData.writeBatch(tx, runId, batch, runName);
      activeRun(stage, runId);
      if (conflicts.length > 0) throw paramConflictError(runId, conflicts, single);
      await this.logModelMetrics(tx, runId, batch.metrics);
      // One entry per request, holding counts rather than the values: a log-batch stays cheap.
      await this.audit.record(
        actor,
        {
          action: 'runs.write',
          target: { type: 'run', id: runId },
          after: { metrics: batch.metrics.length, params: batch.params.length, tags: batch.tags.length },
        },
        tx,
      );
    });
  }

  /** MLflow 3: metrics naming a `model_id` are recorded for that (existing) logged model too. */
  private async logModelMetrics(tx: Connection, runId: string, metrics: readonly Metric[]): Promise<void> {
    const modelIds = [...new Set(metrics.flatMap((m) => (m.model ? [m.model.modelId] : [])))];
    if (modelIds.length === 0) return;
    const found = new Set((await this.loggedModels.findMany(tx, modelIds)).map((m) => m.modelId));
    const missing = modelIds.find((id) => !found.has(id));
    if (missing !== undefined) throw loggedModelNotFound(missing);
    await this.loggedModels.logMetrics(tx, runId, metrics);
  }
}
