import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import type { Experiment } from '../domain/experiment';
import type { KeyValue } from '../domain/key-value';
import type { LifecycleStage } from '../domain/lifecycle';
import { alreadyExists, failedPrecondition, notFound } from '../domain/tracking-error';
import {
  checkExperimentName,
  checkExperimentTag,
  parseExperimentId,
} from '../domain/validation/experiment-input';
import { TrackingAudit } from '../audit/tracking-audit';
import { isUniqueViolation } from '../database/pg-errors';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { RunRepository } from '../runs/run.repository';
import { ExperimentRepository } from './experiment.repository';

/** Experiment lifecycle: create, read, rename, delete and restore (with their runs), tags. */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly experiments: ExperimentRepository,
    private readonly runs: RunRepository,
    private readonly audit: TrackingAudit,
  ) {}

  /** @throws TrackingError already_exists when the name is taken (deleted experiments included). */
  async create(actor: Actor, name: string, tags: readonly KeyValue[]): Promise<Experiment> {
    checkExperimentName(name);
    tags.forEach((tag, index) => checkExperimentTag(tag, `tags[${index}].key`));
    return this.database.transaction(async (tx) => {
      const id = await this.experiments.insert(tx, name, Date.now());
      if (id === undefined) throw alreadyExists(`Experiment(name=${name}) already exists.`);
      await this.experiments.setTags(tx, BigInt(id), tags);
      const experiment = (await this.experiments.findById(tx, BigInt(id)))!;
      await this.audit.record(
        actor,
        { action: 'experiments.write', target: { type: 'experiment', id }, after: { name, tags } },
        tx,
      );
      return experiment;
    });
  }

  /** Active or deleted. */
  async get(experimentId: string): Promise<Experiment> {
    const id = parseExperimentId(experimentId);
    const experiment = await this.database.withConnection((c) => this.experiments.findById(c, id));
    if (!experiment) throw missing(experimentId);
    return experiment;
  }

  async getByName(name: string): Promise<Experiment> {
    const experiment = await this.database.withConnection((c) => this.experiments.findByName(c, name));
    if (!experiment) throw notFound(`Could not find experiment with name '${name}'`);
    return experiment;
  }

  /** Marks an active experiment and all its runs deleted. */
  delete(actor: Actor, experimentId: string): Promise<void> {
    return this.changeStage(actor, experimentId, 'active', 'deleted');
  }

  /** Restores a deleted experiment and all its runs. */
  restore(actor: Actor, experimentId: string): Promise<void> {
    return this.changeStage(actor, experimentId, 'deleted', 'active');
  }

  async rename(actor: Actor, experimentId: string, newName: string): Promise<void> {
    const id = parseExperimentId(experimentId);
    checkExperimentName(newName, 'new_name');
    await this.database.transaction(async (tx) => {
      const before = await this.requireExperiment(tx, experimentId, id);
      if (before.lifecycleStage !== 'active')
        throw failedPrecondition('Cannot rename a non-active experiment.');
      try {
        await this.experiments.rename(tx, id, newName, Date.now());
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyExists(`Experiment(name=${newName}) already exists.`);
        throw error;
      }
      await this.audit.record(
        actor,
        {
          action: 'experiments.write',
          target: { type: 'experiment', id: experimentId },
          before: { name: before.name },
          after: { name: newName },
        },
        tx,
      );
    });
  }

  async setTag(actor: Actor, experimentId: string, tag: KeyValue): Promise<void> {
    const id = parseExperimentId(experimentId);
    checkExperimentTag(tag);
    await this.database.transaction(async (tx) => {
      const experiment = await this.requireExperiment(tx, experimentId, id);
      if (experiment.lifecycleStage !== 'active') {
        throw failedPrecondition(
          `The experiment ${experimentId} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`,
        );
      }
      await this.experiments.setTags(tx, id, [tag]);
      await this.audit.record(
        actor,
        { action: 'experiments.write', target: { type: 'experiment', id: experimentId }, after: { tag } },
        tx,
      );
    });
  }

  async deleteTag(actor: Actor, experimentId: string, key: string): Promise<void> {
    const id = parseExperimentId(experimentId);
    await this.database.transaction(async (tx) => {
      await this.requireExperiment(tx, experimentId, id);
      if (!(await this.experiments.deleteTag(tx, id, key))) {
        throw notFound(`No tag with name: ${key} in experiment with id ${experimentId}`);
      }
      await this.audit.record(
        actor,
        {
          action: 'experiments.write',
          target: { type: 'experiment', id: experimentId },
          before: { tag: key },
        },
        tx,
      );
    });
  }

  private async changeStage(
    actor: Actor,
    experimentId: string,
    from: LifecycleStage,
    to: LifecycleStage,
  ): Promise<void> {
    const id = parseExperimentId(experimentId);
    await this.database.transaction(async (tx) => {
      const now = Date.now();
      if (!(await this.experiments.changeStage(tx, id, from, to, now))) throw missing(experimentId);
      await this.runs.changeStageOfExperiment(tx, id, to, to === 'deleted' ? now : null);
      await this.audit.record(
        actor,
        {
          action: 'experiments.write',
          target: { type: 'experiment', id: experimentId },
          before: { lifecycle_stage: from },
          after: { lifecycle_stage: to },
        },
        tx,
      );
    });
  }

  private async requireExperiment(
    connection: Connection,
    experimentId: string,
    id: bigint,
  ): Promise<Experiment> {
    const experiment = await this.experiments.findById(connection, id);
    if (!experiment) throw missing(experimentId);
    return experiment;
  }
}

function missing(experimentId: string) {
  return notFound(`No Experiment with id=${experimentId} exists`);
}
