import type { OrchestrationCommand } from '@flywheel/contracts';
import type { CanaryController } from '../canary/canary-controller';
import type { Caller } from '../audit-trail';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { RunsService } from '../runs/runs.service';
import type { ProcessedTriggersRepository } from './processed-triggers.repository';
import { describeOutcomes, startedRunIds } from './trigger-outcome';

/** The event type a `retrain.requested` command fires pipeline triggers with. */
export const RETRAIN_REQUESTED = 'retrain.requested';

/**
 * Acts on `flywheel.orchestration.commands.v1`, at most once per `command_id`: the key is
 * recorded in the same transaction as what the command caused (runs started, a rollback), so a
 * redelivered command finds it and does nothing. `retrain.requested` starts every pipeline
 * whose trigger matches (`event: retrain.requested`, filter on `model_name`, `issued_by`);
 * `rollback.requested` rolls the named canary back.
 */
export class CommandHandler {
  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly processed: ProcessedTriggersRepository,
    private readonly runs: RunsService,
    /** Without one (no registry configured) rollback commands are recorded as ignored. */
    private readonly canary: CanaryController | undefined,
    private readonly log: { warn(message: string): void },
  ) {}

  async handle(command: OrchestrationCommand): Promise<void> {
    if (command.commandId === '') {
      this.log.warn(
        `orchestration command for ${command.modelName} without command_id ignored: it cannot be deduplicated`,
      );
      return;
    }
    const caller: Caller = {
      principal: { id: command.issuedBy || 'unknown', kind: 'service' },
      requestId: command.commandId,
    };
    const started = await this.database.transaction(async (tx) => {
      const kind = command.retrainRequested
        ? 'retrain.requested'
        : command.rollbackRequested
          ? 'rollback.requested'
          : 'unknown';
      if (!(await this.processed.claim(tx, `command:${command.commandId}`, kind))) return [];
      if (command.retrainRequested) {
        const outcomes = await this.runs.startForEvent(tx, caller, {
          type: RETRAIN_REQUESTED,
          attributes: {
            model_name: command.modelName,
            issued_by: command.issuedBy,
            reason: command.retrainRequested.reason,
          },
        });
        const runIds = startedRunIds(outcomes);
        await this.processed.setOutcome(
          tx,
          `command:${command.commandId}`,
          describeOutcomes(outcomes),
          runIds[0],
        );
        return runIds;
      }
      if (command.rollbackRequested && !this.canary) {
        await this.processed.setOutcome(
          tx,
          `command:${command.commandId}`,
          'ignored: no canary controller (registry not configured)',
        );
        return [];
      }
      if (command.rollbackRequested && this.canary) {
        const result = await this.canary.rollback(
          tx,
          {
            modelName: command.modelName,
            canaryVersion: command.rollbackRequested.canaryVersion,
            reason: command.rollbackRequested.reason,
          },
          caller,
        );
        await this.processed.setOutcome(
          tx,
          `command:${command.commandId}`,
          result.rolledBack ? `rolled back rollout ${result.rolloutId}` : `ignored: ${result.reason}`,
        );
        return [];
      }
      await this.processed.setOutcome(tx, `command:${command.commandId}`, 'ignored: no command set');
      return [];
    });
    this.runs.wake(started);
    // A rollback's policy is published only now that its transition has committed.
    if (command.rollbackRequested) await this.canary?.performPendingEffects();
  }
}
