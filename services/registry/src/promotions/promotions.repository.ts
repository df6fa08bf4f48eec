import type { Principal } from '@flywheel/access';
import type { Selectable } from 'kysely';
import type { RegistryDb } from '../db/registry-database';
import type { PromotionRequestsTable } from '../db/registry-tables';
import type { PromotionState, PromotionTarget } from '../domain/views';

export type PromotionRow = Selectable<PromotionRequestsTable>;

/** The only place the SQL of `promotion_requests` lives. */
export class PromotionsRepository {
  insert(
    db: RegistryDb,
    request: {
      id: string;
      modelId: string;
      version: number;
      target: PromotionTarget;
      archiveExisting: boolean;
      state: PromotionState;
      requestedBy: Principal;
      comment: string;
    },
  ): Promise<PromotionRow> {
    return db
      .insertInto('promotion_requests')
      .values({
        id: request.id,
        model_id: request.modelId,
        version: request.version,
        target_alias: request.target.kind === 'alias' ? request.target.alias : null,
        target_stage: request.target.kind === 'stage' ? request.target.stage : null,
        archive_existing: request.archiveExisting,
        state: request.state,
        requested_by_kind: request.requestedBy.kind,
        requested_by_id: request.requestedBy.id,
        requested_by_name: request.requestedBy.name,
        requested_by_role: request.requestedBy.role,
        comment: request.comment,
        ...(request.state === 'PENDING' ? {} : { decided_by_name: request.requestedBy.name, decided_at: new Date() }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  find(db: RegistryDb, id: string): Promise<PromotionRow | undefined> {
    return db.selectFrom('promotion_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  lock(db: RegistryDb, id: string): Promise<PromotionRow | undefined> {
    return db.selectFrom('promotion_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  decide(db: RegistryDb, id: string, decision: { state: PromotionState; decidedBy: string; comment: string }): Promise<PromotionRow> {
    return db
      .updateTable('promotion_requests')
      .set({ state: decision.state, decided_by_name: decision.decidedBy, decided_at: new Date(), decision_comment: decision.comment })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  listForModel(db: RegistryDb, modelId: string, state: PromotionState | undefined): Promise<PromotionRow[]> {
    let query = db.selectFrom('promotion_requests').selectAll().where('model_id', '=', modelId);
    if (state) query = query.where('state', '=', state);
    return query.orderBy('requested_at', 'desc').limit(1_000).execute();
  }
}
