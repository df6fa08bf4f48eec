import type { RegistryEvent } from '@flywheel/contracts';
import type { Caller } from '../audit-trail';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { RunsService } from '../runs/runs.service';
import type { ProcessedTriggersRepository } from './processed-triggers.repository';
import { describeOutcomes, startedRunIds } from './trigger-outcome';

/** The event type a new registry version fires pipeline triggers with. */
export const MODEL_VERSION_CREATED = 'model-version.created';

/**
 * Starts the pipelines triggered by new model versions (`event: model-version.created`, filter
 * on `model_name`; attributes `model_name`, `version`, `source_uri`, `run_id`), once per
 * registry event id.
 */
export class RegistryEventHandler {
  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly processed: ProcessedTriggersRepository,
    private readonly runs: RunsService,
  ) {}

  async handle(event: RegistryEvent): Promise<void> {
    const created = event.versionCreated;
    if (!created || event.eventId === '') return;
    const caller: Caller = {
      principal: { id: event.actor || 'registry', kind: 'service' },
      requestId: event.eventId,
    };
    const key = `registry:${event.eventId}`;
    const started = await this.database.transaction(async (tx) => {
      if (!(await this.processed.claim(tx, key, MODEL_VERSION_CREATED))) return [];
      const outcomes = await this.runs.startForEvent(tx, caller, {
        type: MODEL_VERSION_CREATED,
        attributes: {
          model_name: event.modelName,
          version: String(created.version),
          source_uri: created.sourceUri,
          run_id: created.runId,
        },
      });
      const runIds = startedRunIds(outcomes);
      await this.processed.setOutcome(tx, key, describeOutcomes(outcomes), runIds[0]);
      return runIds;
    });
    this.runs.wake(started);
  }
}
