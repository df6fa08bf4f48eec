import type { Caller } from '../audit-trail';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { DefinitionsRepository } from '../definitions/definitions.repository';
import type { RunsService } from '../runs/runs.service';
import type { ProcessedTriggersRepository } from './processed-triggers.repository';
import { dueFiring, scheduleKeyPrefix } from './schedule-triggers';
import { describeOutcomes, startedRunIds } from './trigger-outcome';
import { PollingLoop } from '../polling-loop';

const SCHEDULER: Caller = {
  principal: { id: 'orchestration-scheduler', kind: 'service' },
  requestId: 'schedule',
};

/**
 * Fires the schedule triggers of the latest version of each pipeline. Each firing is keyed
 * `schedule:<pipeline>:<trigger index>:<time>` and claimed in the transaction that starts its
 * run, so replicas (and restarts) fire each time once. Firings missed while no orchestrator ran
 * collapse into the latest one.
 */
export class ScheduleTriggerLoop {
  private readonly loop: PollingLoop;

  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly definitions: DefinitionsRepository,
    private readonly processed: ProcessedTriggersRepository,
    private readonly runs: RunsService,
    options: { pollIntervalMs: number },
    log: { error(message: string, error: unknown): void },
  ) {
    this.loop = new PollingLoop(
      () => this.fireDue(),
      options.pollIntervalMs,
      (error) => log.error('firing schedule triggers failed', error),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Fires every schedule due at `nowMs`. */
  async fireDue(nowMs: number = Date.now()): Promise<void> {
    for (const definition of await this.definitions.listLatest()) {
      for (const [index, trigger] of definition.pipeline.triggers.entries()) {
        if (trigger.kind !== 'schedule') continue;
        const prefix = scheduleKeyPrefix(definition.name, index);
        const last = (await this.processed.lastFiring(prefix)) ?? definition.registeredAt.getTime();
        const due = dueFiring(definition.pipeline, index, last, nowMs);
        if (!due) continue;
        const started = await this.database.transaction(async (tx) => {
          if (!(await this.processed.claim(tx, due.key, 'schedule'))) return [];
          const outcomes = [await this.runs.startIn(tx, SCHEDULER, definition, trigger.params)];
          const runIds = startedRunIds(outcomes);
          await this.processed.setOutcome(tx, due.key, describeOutcomes(outcomes), runIds[0]);
          return runIds;
        });
        this.runs.wake(started);
      }
    }
  }
}
