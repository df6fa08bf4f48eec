import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { codecForTopic, Topic } from '@flywheel/contracts';
import type { Actor } from '../domain/actor';
import { DEFAULT_EXPERIMENT_ID } from '../domain/experiment';
import type { LifecycleStage } from '../domain/lifecycle';
import { RUN_NAME_TAG, type Run, type RunInfo, type RunStatus, isTerminalStatus } from '../domain/run';
import { failedPrecondition, notFound } from '../domain/tracking-error';
import { parseExperimentId } from '../domain/validation/experiment-input';
import { TrackingAudit } from '../audit/tracking-audit';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { ExperimentRepository } from '../experiments/experiment.repository';
import { RunDataRepository } from '../metrics/run-data.repository';
import { RunEventOutboxRepository } from '../run-events/run-event-outbox.repository';
import { RunEventRelay } from '../run-events/run-event.relay';
import { runFinishedEvent } from '../run-events/run-finished-event';
import { type NewRun, initialNameAndTags } from './run-creation';
import { activeRun, runNotFound } from './run-guards';
import { RunQueryRepository } from './run-query.repository';
import { RunRepository } from './run.repository';

export interface RunUpdate {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

/** Run lifecycle: create, read, update (status, end, name), delete and restore. */
@Injectable()
export class RunsService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly experiments: ExperimentRepository,
    private readonly runs: RunRepository,
    private readonly runQueries: RunQueryRepository,
    private readonly runData: RunDataRepository,
    private readonly outbox: RunEventOutboxRepository,
    private readonly relay: RunEventRelay,
    private readonly audit: TrackingAudit,
  ) {}

  /** A RUNNING run in an active experiment, artifacts under the experiment's location. */
  async create(actor: Actor, request: NewRun): Promise<Run> {
    const experimentId = request.experimentId || DEFAULT_EXPERIMENT_ID;
    const id = parseExperimentId(experimentId);
    const { runName, tags } = initialNameAndTags(request);
    const runId = randomUUID().replaceAll('-', '');
    return this.database.transaction(async (tx) => {
      const experiment = await this.experiments.findById(tx, id, true);
      if (!experiment) throw notFound(`No Experiment with id=${experimentId} exists`);
      if (experiment.lifecycleStage !== 'active') {
        throw failedPrecondition(
          `The experiment ${experimentId} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`,
        );
      }
      const info = await this.runs.insert(
        tx,
        {
          runId,
          runName,
          userId: request.userId,
          startTime: request.startTime ?? Date.now(),
          artifactUri: `${experiment.artifactLocation}/${runId}/artifacts`,
        },
        id,
      );
      await this.runData.setTags(tx, runId, tags);
      await this.audit.record(
        actor,
        {
          action: 'runs.write',
          target: { type: 'run', id: runId },
          after: { experiment_id: experimentId, run_name: runName },
        },
        tx,
      );
      return (await this.runQueries.find(tx, info.runId))!;
    });
  }

  /** Active or deleted. */
  async get(runId: string): Promise<Run> {
    const run = await this.database.withConnection((c) => this.runQueries.find(c, runId));
    if (!run) throw runNotFound(runId);
    return run;
  }

  /**
   * Changes status, end time and name of an active run. Reaching a terminal status publishes a
   * RunFinished event (through the outbox, so only if this commits).
   */
  async update(actor: Actor, runId: string, change: RunUpdate): Promise<RunInfo> {
    let finished = false;
    const info = await this.database.transaction(async (tx) => {
      const before = activeRun(await this.runs.findInfo(tx, runId, 'update'), runId);
      const after = await this.runs.update(tx, runId, change);
      if (change.runName)
        await this.runData.setTags(tx, runId, [{ key: RUN_NAME_TAG, value: change.runName }]);
      if (change.status && isTerminalStatus(change.status) && before.status !== change.status) {
        await this.enqueueFinished(tx, runId, actor);
        finished = true;
      }
      await this.audit.record(
        actor,
        {
          action: 'runs.write',
          target: { type: 'run', id: runId },
          before: { status: before.status, end_time: before.endTime, run_name: before.runName },
          after: { status: after.status, end_time: after.endTime, run_name: after.runName },
        },
        tx,
      );
      return after;
    });
    if (finished) this.relay.wake();
    return info;
  }

  delete(actor: Actor, runId: string): Promise<void> {
    return this.changeStage(actor, runId, 'deleted');
  }

  restore(actor: Actor, runId: string): Promise<void> {
    return this.changeStage(actor, runId, 'active');
  }

  private async enqueueFinished(tx: Connection, runId: string, actor: Actor): Promise<void> {
    const run = (await this.runQueries.find(tx, runId))!;
    const event = runFinishedEvent(run, actor.principal.name, Date.now());
    await this.outbox.enqueue(tx, runId, codecForTopic(Topic.TrackingRuns).encode(event));
  }

  private async changeStage(actor: Actor, runId: string, stage: LifecycleStage): Promise<void> {
    await this.database.transaction(async (tx) => {
      const before = await this.runs.findInfo(tx, runId, 'update');
      if (!before) throw runNotFound(runId);
      await this.runs.changeStage(tx, runId, stage, stage === 'deleted' ? Date.now() : null);
      await this.audit.record(
        actor,
        {
          action: 'runs.write',
          target: { type: 'run', id: runId },
          before: { lifecycle_stage: before.lifecycleStage },
          after: { lifecycle_stage: stage },
        },
        tx,
      );
    });
  }
}
