import { randomUUID } from 'node:crypto';
import { type Principal, approvalRequired, checkApproval, isRole, principalKey, roleMayPerform } from '@flywheel/access';
import type { RegistryDatabase } from '../db/registry-database';
import { authDisabledApprovalHint, describeTarget } from '../domain/approval-messages';
import type { Caller } from '../domain/caller';
import { assertAlias, assertModelName, parseVersionNumber } from '../domain/names';
import { RegistryError, invalidArgument, notFound } from '../domain/registry-error';
import { checkStageTransition, isStage } from '../domain/stages';
import type { PromotionState, PromotionTarget, PromotionView } from '../domain/views';
import type { ModelLookup } from '../models/model-lookup';
import type { ModelRow, ModelsRepository } from '../models/models.repository';
import type { Mutation } from '../mutations/mutation';
import type { RegistryMutations } from '../mutations/registry-mutations';
import { modelStageOf } from '../domain/model-stage';
import type { PromotionApplier } from './promotion-applier';
import type { PromotionRow, PromotionsRepository } from './promotions.repository';

export interface PromotionInput {
  name: string;
  version: unknown;
  target: PromotionTarget;
  archiveExistingVersions: boolean;
  comment: string;
}

/**
 * The two-person rule for promotions: a request is applied at once when the model's policy
 * does not cover it, else it waits until a different principal holding approvals.grant
 * approves it; approval and the change commit in one transaction.
 */
export class PromotionsService {
  constructor(
    private readonly database: RegistryDatabase,
    private readonly mutations: RegistryMutations,
    private readonly lookup: ModelLookup,
    private readonly models: ModelsRepository,
    private readonly promotions: PromotionsRepository,
    private readonly applier: PromotionApplier,
  ) {}

  request(caller: Caller, input: PromotionInput): Promise<PromotionView> {
    const name = assertModelName(input.name);
    const version = parseVersionNumber(input.version);
    const target = checkedTarget(input.target, input.archiveExistingVersions);
    assertMayPromote(caller.principal, target);
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      await this.lookup.version(m.db, model, version);
      const needsApproval = approvalRequired(policyOf(model), target);
      if (!needsApproval) await this.apply(m, model, version, target, input.archiveExistingVersions);
      const row = await this.promotions.insert(m.db, {
        id: randomUUID(),
        modelId: model.id,
        version,
        target,
        archiveExisting: input.archiveExistingVersions,
        state: needsApproval ? 'PENDING' : 'APPLIED',
        requestedBy: caller.principal,
        comment: input.comment,
      });
      await m.audited({ action: target.kind === 'alias' ? 'aliases.write' : 'stages.transition', target: requestTarget(row.id), after: viewOf(row, name) });
      if (needsApproval) {
        await m.emit(name, {
          promotionRequested: {
            requestId: row.id,
            version,
            ...(target.kind === 'alias' ? { alias: target.alias } : { stage: modelStageOf(target.stage) }),
          },
        });
      }
      return viewOf(row, name);
    });
  }

  approve(caller: Caller, requestId: string, comment: string): Promise<PromotionView> {
    return this.decide(caller, requestId, async (m, model, row) => {
      const requestedBy = requesterOf(row);
      const verdict = checkApproval({ requestedBy, approvedBy: caller.principal });
      if (!verdict.ok) throw new RegistryError('permission_denied', `${verdict.message}.${authDisabledApprovalHint(caller.principal)}`);
      await this.apply(m, model, row.version, targetOf(row), row.archive_existing);
      return this.promotions.decide(m.db, row.id, { state: 'APPLIED', decidedBy: m.actor, comment });
    });
  }

  reject(caller: Caller, requestId: string, reason: string): Promise<PromotionView> {
    return this.decide(caller, requestId, async (m, model, row) => {
      const own = principalKey(requesterOf(row)) === principalKey(caller.principal);
      if (!own && !roleMayPerform(caller.principal.role, 'approvals.grant')) {
        throw new RegistryError('permission_denied', `${caller.principal.name} may not reject another principal's promotion request without approvals.grant`);
      }
      await m.emit(model.name, { promotionRejected: { requestId: row.id, version: row.version, reason } });
      return this.promotions.decide(m.db, row.id, { state: 'REJECTED', decidedBy: m.actor, comment: reason });
    });
  }

  async list(name: string, state: PromotionState | undefined): Promise<PromotionView[]> {
    const db = this.database.db;
    const model = await this.lookup.model(db, assertModelName(name));
    return (await this.promotions.listForModel(db, model.id, state)).map((row) => viewOf(row, model.name));
  }

  /** Locks model then request (the order every other mutation uses), checks it is pending, runs `work`. */
  private decide(
    caller: Caller,
    requestId: string,
    work: (m: Mutation, model: ModelRow, row: PromotionRow) => Promise<PromotionRow>,
  ): Promise<PromotionView> {
    if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw invalidArgument('request_id', `expected a promotion request id (UUID), got ${JSON.stringify(requestId)}`);
    return this.mutations.run(caller, async (m) => {
      const found = await this.promotions.find(m.db, requestId);
      const model = found && (await this.models.lockById(m.db, found.model_id));
      const row = model && (await this.promotions.lock(m.db, requestId));
      if (!model || !row) throw notFound(`Promotion request ${requestId} not found`);
      if (row.state !== 'PENDING') {
        throw new RegistryError('failed_precondition', `Promotion request ${requestId} is already ${row.state}`);
      }
      const decided = await work(m, model, row);
      await m.audited({ action: 'approvals.grant', target: requestTarget(row.id), before: viewOf(row, model.name), after: viewOf(decided, model.name) });
      return viewOf(decided, model.name);
    });
  }

  private async apply(m: Mutation, model: ModelRow, version: number, target: PromotionTarget, archive: boolean): Promise<void> {
    if (target.kind === 'alias') await this.applier.setAlias(m, model, target.alias, version);
    else await this.applier.transition(m, model, version, target.stage, archive);
  }
}

function checkedTarget(target: PromotionTarget, archive: boolean): PromotionTarget {
  if (target.kind === 'alias') {
    if (archive) throw invalidArgument('archive_existing_versions', 'applies to stage promotions only');
    return { kind: 'alias', alias: assertAlias(target.alias) };
  }
  checkStageTransition('None', target.stage, archive);
  return target;
}

function assertMayPromote(principal: Principal, target: PromotionTarget): void {
  const action = target.kind === 'alias' ? 'aliases.write' : 'stages.transition';
  if (!roleMayPerform(principal.role, action)) {
    throw new RegistryError('permission_denied', `${principal.name} has role ${principal.role}; ${describeTarget(target)} needs ${action}`);
  }
}

function policyOf(model: ModelRow): { aliases: string[]; stages: string[] } {
  return { aliases: model.approval_aliases, stages: model.approval_stages };
}

function requesterOf(row: PromotionRow): Principal {
  return {
    id: row.requested_by_id,
    kind: row.requested_by_kind as Principal['kind'],
    name: row.requested_by_name,
    role: isRole(row.requested_by_role) ? row.requested_by_role : 'viewer',
  };
}

function targetOf(row: PromotionRow): PromotionTarget {
  if (row.target_alias !== null) return { kind: 'alias', alias: row.target_alias };
  return { kind: 'stage', stage: row.target_stage !== null && isStage(row.target_stage) ? row.target_stage : 'None' };
}

function requestTarget(id: string): { type: 'promotion_request'; id: string } {
  return { type: 'promotion_request', id };
}

function viewOf(row: PromotionRow, modelName: string): PromotionView {
  return {
    id: row.id,
    modelName,
    version: row.version,
    target: targetOf(row),
    archiveExistingVersions: row.archive_existing,
    state: row.state as PromotionState,
    requestedBy: row.requested_by_name,
    decidedBy: row.decided_by_name,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at ?? undefined,
    comment: row.comment,
    decisionComment: row.decision_comment,
  };
}
