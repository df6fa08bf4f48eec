import type { PolicyChangeKind, RolloutEffect, RolloutPlan, RolloutState } from '@flywheel/traffic-policy';
import type { OrchestrationDatabase, SqlRunner } from '../db/orchestration-database';

export interface StoredRollout {
  id: string;
  modelName: string;
  canaryVersion: number;
  plan: RolloutPlan;
  state: RolloutState;
  timer: { stepIndex: number; atMs: number } | undefined;
  /** True while effects of committed transitions (a policy to publish, an alias to move) wait to be performed. */
  effectsPending: boolean;
}

interface RolloutRow {
  id: string;
  model_name: string;
  canary_version: number;
  plan: RolloutPlan;
  state: RolloutState;
  timer_step: number | null;
  timer_at: Date | null;
  effects_pending: boolean;
}

const COLUMNS = "id, model_name, canary_version, plan, state, timer_step, timer_at, pending_effects <> '[]'::jsonb AS effects_pending";

const rolloutOf = (row: RolloutRow): StoredRollout => ({
  id: row.id,
  modelName: row.model_name,
  canaryVersion: row.canary_version,
  plan: row.plan,
  state: row.state,
  timer:
    row.timer_step === null || row.timer_at === null
      ? undefined
      : { stepIndex: row.timer_step, atMs: row.timer_at.getTime() },
  effectsPending: row.effects_pending,
});

/** An effect that leaves orchestration: performed after the transition that caused it commits. */
export type OutboundEffect =
  | (Omit<Extract<RolloutEffect, { type: 'publish_policy' }>, 'kind'> & {
      /** `policy_set` when a first version becomes champion without a rollout plan. */
      kind: PolicyChangeKind | 'policy_set';
    })
  | Extract<RolloutEffect, { type: 'set_alias' }>;

/** A rollout's saved, not yet performed effects, in the order their transitions produced them. */
export interface PendingEffects {
  id: string;
  modelName: string;
  effects: OutboundEffect[];
}

/** The only place the rollouts SQL lives. */
export class RolloutsRepository {
  constructor(private readonly database: OrchestrationDatabase) {}

  async insert(
    tx: SqlRunner,
    rollout: {
      id: string;
      modelName: string;
      canaryVersion: number;
      plan: RolloutPlan;
      state: RolloutState;
      runId?: string;
      pendingEffects?: readonly OutboundEffect[];
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.database.rollouts} (id, model_name, canary_version, plan, state, status, run_id, pending_effects)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb)`,
      [
        rollout.id,
        rollout.modelName,
        rollout.canaryVersion,
        JSON.stringify(rollout.plan),
        JSON.stringify(rollout.state),
        rollout.state.status,
        rollout.runId ?? null,
        JSON.stringify(rollout.pendingEffects ?? []),
      ],
    );
  }

  async find(
    runner: SqlRunner,
    modelName: string,
    canaryVersion: number,
  ): Promise<StoredRollout | undefined> {
    const { rows } = await runner.query<RolloutRow>(
      `SELECT ${COLUMNS} FROM ${this.database.rollouts} WHERE model_name = $1 AND canary_version = $2`,
      [modelName, canaryVersion],
    );
    return rows[0] && rolloutOf(rows[0]);
  }

  async findById(runner: SqlRunner, id: string): Promise<StoredRollout | undefined> {
    const { rows } = await runner.query<RolloutRow>(
      `SELECT ${COLUMNS} FROM ${this.database.rollouts} WHERE id = $1`,
      [id],
    );
    return rows[0] && rolloutOf(rows[0]);
  }

  /** The rollout, row-locked for this transaction. */
  async lock(tx: SqlRunner, id: string): Promise<StoredRollout | undefined> {
    const { rows } = await tx.query<RolloutRow>(
      `SELECT ${COLUMNS} FROM ${this.database.rollouts} WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] && rolloutOf(rows[0]);
  }

  /** The model's rollout in progress, row-locked, if any. */
  async lockActive(tx: SqlRunner, modelName: string): Promise<StoredRollout | undefined> {
    const { rows } = await tx.query<RolloutRow>(
      `SELECT ${COLUMNS} FROM ${this.database.rollouts}
       WHERE model_name = $1 AND status IN ('pending', 'progressing') FOR UPDATE`,
      [modelName],
    );
    return rows[0] && rolloutOf(rows[0]);
  }

  /** The rollout whose timer fell due first, row-locked; rows another instance is working on are skipped. */
  async lockFirstDue(tx: SqlRunner, nowMs: number): Promise<StoredRollout | undefined> {
    const { rows } = await tx.query<RolloutRow>(
      `SELECT ${COLUMNS} FROM ${this.database.rollouts}
       WHERE timer_at <= to_timestamp($1 / 1000.0) ORDER BY timer_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [nowMs],
    );
    return rows[0] && rolloutOf(rows[0]);
  }

  async save(
    tx: SqlRunner,
    id: string,
    state: RolloutState,
    timer: { stepIndex: number; atMs: number } | undefined,
    effects: readonly OutboundEffect[],
  ): Promise<void> {
    // Appended: effects of earlier transitions not yet performed keep their place before these.
    await tx.query(
      `UPDATE ${this.database.rollouts}
       SET state = $2::jsonb, status = $3, timer_step = $4, timer_at = to_timestamp($5 / 1000.0),
           pending_effects = pending_effects || $6::jsonb, updated_at = now()
       WHERE id = $1`,
      [
        id,
        JSON.stringify(state),
        state.status,
        timer?.stepIndex ?? null,
        timer?.atMs ?? null,
        JSON.stringify(effects),
      ],
    );
  }

  /** Rollouts with effects still to perform. */
  async withPendingEffects(runner: SqlRunner): Promise<PendingEffects[]> {
    const { rows } = await runner.query<{ id: string; model_name: string; pending_effects: OutboundEffect[] }>(
      `SELECT id, model_name, pending_effects FROM ${this.database.rollouts}
       WHERE pending_effects <> '[]'::jsonb ORDER BY updated_at`,
    );
    return rows.map((row) => ({ id: row.id, modelName: row.model_name, effects: row.pending_effects }));
  }

  /**
   * Clears the rollout's pending effects if they are still exactly `performed`; when a newer
   * transition appended more meanwhile they stay, and all are performed again (effects are idempotent).
   */
  async clearPendingEffects(
    runner: SqlRunner,
    id: string,
    performed: readonly OutboundEffect[],
  ): Promise<void> {
    await runner.query(
      `UPDATE ${this.database.rollouts} SET pending_effects = '[]'::jsonb
       WHERE id = $1 AND pending_effects = $2::jsonb`,
      [id, JSON.stringify(performed)],
    );
  }
}
