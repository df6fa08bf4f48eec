import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor';
import type { DatasetInput } from '../domain/run';
import { validateDatasetInputs } from '../domain/validation/dataset-input';
import { TrackingAudit } from '../audit/tracking-audit';
import { TrackingDatabase } from '../database/tracking-database';
import { activeRun } from './run-guards';
import { RunInputsRepository } from './run-inputs.repository';
import { RunRepository } from './run.repository';

/** MLflow's log-inputs: datasets (name, digest, source) a run consumed, with their tags. */
@Injectable()
export class RunInputsService {
  constructor(
    private readonly database: TrackingDatabase,
    private readonly runs: RunRepository,
    private readonly inputs: RunInputsRepository,
    private readonly audit: TrackingAudit,
  ) {}

  async logInputs(actor: Actor, runId: string, datasets: readonly DatasetInput[]): Promise<void> {
    validateDatasetInputs(datasets);
    await this.database.transaction(async (tx) => {
      const run = activeRun(await this.runs.findInfo(tx, runId, 'share'), runId);
      await this.inputs.logInputs(tx, BigInt(run.experimentId), runId, datasets);
      await this.audit.record(
        actor,
        {
          action: 'runs.write',
          target: { type: 'run', id: runId },
          after: {
            datasets: datasets.map(({ dataset }) => ({ name: dataset.name, digest: dataset.digest })),
          },
        },
        tx,
      );
    });
  }
}
