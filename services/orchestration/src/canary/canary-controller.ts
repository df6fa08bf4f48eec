import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import {
  type RolloutEvent,
  type RolloutPlan,
  type RolloutState,
  applyRolloutEvent,
  championOnly,
  isFinalRolloutState,
} from '@flywheel/traffic-policy';
import type { AuditTrail, Caller } from '../audit-trail';
import type { DeploymentPublisher } from '../clients/deployment-publisher';
import type { RegistryClient } from '../clients/registry-client';
import type { OrchestrationDatabase } from '../db/orchestration-database';
import type { OutboundEffect, RolloutsRepository, StoredRollout } from './rollouts.repository';
import { PollingLoop } from '../polling-loop';

export const CHAMPION_ALIAS = 'champion';

/** The orchestrator acting on its own (timers, pipeline steps), as audit entries name it. */
export const ORCHESTRATOR_CALLER: Caller = {
  principal: { id: 'orchestration', kind: 'service' },
  requestId: 'orchestration',
};

export interface RolloutRequest {
  modelName: string;
  canaryVersion: number;
  /** Canary shares with the time each is watched, for example 5/25/50/100 % for 10 minutes each. */
  steps: readonly { weightPercent: number; analysisWindowMs: number }[];
  runId?: string;
}

export type RollbackResult = { rolledBack: true; rolloutId: string } | { rolledBack: false; reason: string };

/**
 * Moves canary versions through their rollout plans (`applyRolloutEvent` from
 * @flywheel/traffic-policy) with the state in PostgreSQL: every transition publishes the
 * complete traffic policy on the deployment events topic, moves the registry's `champion` alias
 * on promotion (leaves it on rollback), and is audited. A step advances when its analysis window
 * ends with no `rollback.requested` for the canary (monitoring's verdict arrives as that
 * command, contract 4).
 *
 * Effects leave orchestration only after the transaction that decided them commits: a
 * transition is saved and audited under the rollout's row lock together with its effects
 * (an outbox, `pending_effects`); after the commit they are performed and cleared, and the
 * polling tick performs any left by a failure or crash. No cross-service call ever runs inside
 * an orchestration transaction (with one embedded PGlite for all services, the registry's
 * queries would wait for it). Effects are idempotent (complete policies, alias sets), so
 * performing them again is harmless; in this process they run one batch at a time, in order.
 */
export class CanaryController {
  private readonly loop: PollingLoop;

  constructor(
    private readonly database: OrchestrationDatabase,
    private readonly rollouts: RolloutsRepository,
    private readonly registry: RegistryClient,
    private readonly publisher: DeploymentPublisher,
    private readonly audit: AuditTrail,
    private readonly options: { pollIntervalMs: number },
    private readonly log: { error(message: string, error: unknown): void },
  ) {
    this.loop = new PollingLoop(
      () => this.fireDueTimers(),
      options.pollIntervalMs,
      (error) => log.error('advancing canary rollouts failed', error),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Starts the rollout of `canaryVersion`, or returns the one already started for it. Without a
   * champion yet (the model's first version) there is nothing to compare against: the version
   * becomes champion at once, recorded as a promoted rollout.
   */
  async startRollout(request: RolloutRequest, caller: Caller = ORCHESTRATOR_CALLER): Promise<string> {
    const existing = await this.rollouts.find(this.database.pool, request.modelName, request.canaryVersion);
    if (existing) return existing.id;
    const champion = await this.registry.versionByAlias(request.modelName, CHAMPION_ALIAS);
    const id = randomUUID();
    if (!champion || champion.version === request.canaryVersion) {
      await this.database.transaction(async (tx) => {
        const policy = championOnly(request.canaryVersion);
        const reason = champion
          ? 'already champion'
          : 'first version of the model: champion without a canary';
        const pendingEffects: OutboundEffect[] = [
          { type: 'publish_policy', kind: 'policy_set', policy, reason },
          { type: 'set_alias', alias: CHAMPION_ALIAS, version: request.canaryVersion },
        ];
        const state: RolloutState = { status: 'promoted', atMs: Date.now() };
        const plan = { baseline: policy, canaryVersion: request.canaryVersion, steps: [] };
        await this.rollouts.insert(tx, { id, ...request, plan, state, pendingEffects });
        await this.auditTransition(tx, caller, id, { status: 'pending' }, state, reason);
      });
      await this.performPendingEffects();
      return id;
    }
    const plan: RolloutPlan = {
      baseline: championOnly(champion.version),
      canaryVersion: request.canaryVersion,
      // A step's evidence is the absence of rollback.requested during its window (contract 4).
      steps: request.steps.map((step) => ({ ...step, minRequests: 0 })),
    };
    await this.database.transaction(async (tx) => {
      const state: RolloutState = { status: 'pending' };
      const active = await this.rollouts.lockActive(tx, request.modelName);
      if (active)
        throw new Error(
          `model ${request.modelName} already has a rollout in progress (version ${active.canaryVersion}); it must end before version ${request.canaryVersion} can roll out`,
        );
      await this.rollouts.insert(tx, { id, ...request, plan, state });
      await this.transition(
        tx,
        {
          id,
          modelName: request.modelName,
          canaryVersion: request.canaryVersion,
          plan,
          state,
          timer: undefined,
          effectsPending: false,
        },
        { type: 'start', atMs: Date.now() },
        caller,
      );
    });
    await this.performPendingEffects();
    return id;
  }

  /**
   * Rolls the model's rollout of `canaryVersion` back in `tx`; refuses (without throwing) when it
   * is not in progress. The caller calls `performPendingEffects` once `tx` has committed.
   */
  async rollback(
    tx: PoolClient,
    request: { modelName: string; canaryVersion: number; reason: string },
    caller: Caller,
  ): Promise<RollbackResult> {
    const rollout = await this.rollouts.lockActive(tx, request.modelName);
    if (!rollout)
      return { rolledBack: false, reason: `model ${request.modelName} has no rollout in progress` };
    if (rollout.canaryVersion !== request.canaryVersion)
      return {
        rolledBack: false,
        reason: `version ${request.canaryVersion} is not the canary of ${request.modelName} (${rollout.canaryVersion} is)`,
      };
    const event: RolloutEvent =
      rollout.state.status === 'pending'
        ? { type: 'abort', reason: request.reason, atMs: Date.now() }
        : {
            type: 'rollback_requested',
            canaryVersion: request.canaryVersion,
            reason: request.reason,
            atMs: Date.now(),
          };
    await this.transition(tx, rollout, event, caller);
    return { rolledBack: true, rolloutId: rollout.id };
  }

  /** The rollout's current state. */
  async state(rolloutId: string): Promise<StoredRollout | undefined> {
    return this.rollouts.findById(this.database.pool, rolloutId);
  }

  /**
   * Performs the saved effects of committed transitions, outside any transaction, and clears
   * them; never throws (a failure is logged and the polling tick tries again).
   */
  performPendingEffects(): Promise<void> {
    const run = this.effectsQueue.then(() => this.performAllPendingEffects());
    this.effectsQueue = run;
    return run;
  }

  private effectsQueue: Promise<void> = Promise.resolve();

  private async performAllPendingEffects(): Promise<void> {
    try {
      for (const pending of await this.rollouts.withPendingEffects(this.database.pool)) {
        for (const effect of pending.effects) await this.perform(pending.modelName, effect);
        await this.rollouts.clearPendingEffects(this.database.pool, pending.id, pending.effects);
      }
    } catch (error) {
      this.log.error('performing canary rollout effects failed', error);
    }
  }

  private async perform(modelName: string, effect: OutboundEffect): Promise<void> {
    switch (effect.type) {
      case 'publish_policy':
        await this.publisher.publish(modelName, effect.kind, effect.policy, effect.reason);
        return;
      case 'set_alias':
        await this.registry.setAlias(modelName, effect.alias, effect.version);
        return;
    }
  }

  /** Performs effects left pending, then delivers `step_timer` to each rollout whose timer is due, one transaction each. */
  private async fireDueTimers(): Promise<void> {
    await this.performPendingEffects();
    for (let more = true; more && !this.loop.stopping;) {
      try {
        more = await this.database.transaction(async (tx) => {
          const rollout = await this.rollouts.lockFirstDue(tx, Date.now());
          if (!rollout?.timer) return false;
          await this.transition(
            tx,
            rollout,
            { type: 'step_timer', stepIndex: rollout.timer.stepIndex, atMs: Date.now() },
            ORCHESTRATOR_CALLER,
          );
          return true;
        });
      } catch (error) {
        this.log.error('advancing a canary rollout failed', error);
        return;
      }
      if (more) await this.performPendingEffects();
    }
  }

  /** Applies `first` and what follows from it (an analysis verdict), then saves and audits the states with their outbound effects pending. */
  private async transition(
    tx: PoolClient,
    rollout: StoredRollout,
    first: RolloutEvent,
    caller: Caller,
  ): Promise<void> {
    let state = rollout.state;
    let timer = first.type === 'step_timer' ? undefined : rollout.timer;
    const events: RolloutEvent[] = [first];
    const outbound: OutboundEffect[] = [];
    for (let event = events.shift(); event; event = events.shift()) {
      const transition = applyRolloutEvent(rollout.plan, state, event);
      for (const effect of transition.effects) {
        switch (effect.type) {
          case 'publish_policy':
          case 'set_alias':
            outbound.push(effect);
            break;
          case 'schedule_step_timer':
            timer = { stepIndex: effect.stepIndex, atMs: effect.fireAtMs };
            break;
          case 'cancel_step_timer':
            timer = undefined;
            break;
          case 'run_analysis':
            // No rollback.requested arrived during the window (it would have ended the step).
            events.push({
              type: 'analysis_passed',
              stepIndex: effect.stepIndex,
              canaryRequests: effect.minRequests,
              atMs: event.atMs,
            });
            break;
        }
      }
      await this.auditTransition(tx, caller, rollout.id, state, transition.state, transition.description);
      state = transition.state;
    }
    await this.rollouts.save(tx, rollout.id, state, isFinalRolloutState(state) ? undefined : timer, outbound);
  }

  private async auditTransition(
    tx: PoolClient,
    caller: Caller,
    rolloutId: string,
    before: RolloutState,
    after: RolloutState,
    description: string,
  ): Promise<void> {
    await this.audit.append(
      {
        principal: caller.principal,
        action: after.status === 'rolled_back' ? 'rollbacks.request' : 'rollouts.write',
        target: { type: 'rollout', id: rolloutId },
        before,
        after: { ...after, description },
        requestId: caller.requestId,
        service: 'orchestration',
      },
      tx,
    );
  }
}
