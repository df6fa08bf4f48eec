import { approvalRequired } from '@flywheel/access';
import type { RegistryDatabase } from '../db/registry-database';
import { approvalRequiredError } from '../domain/approval-messages';
import type { Caller } from '../domain/caller';
import { aliasNotFound } from '../domain/messages';
import { assertAlias, assertModelName, parseVersionNumber } from '../domain/names';
import type { Stage } from '../domain/stages';
import type { ModelVersionView, PromotionTarget } from '../domain/views';
import type { ModelLookup } from '../models/model-lookup';
import type { ModelRow, ModelsRepository } from '../models/models.repository';
import type { RegistryMutations } from '../mutations/registry-mutations';
import type { PromotionApplier } from '../promotions/promotion-applier';
import type { VersionViews } from '../versions/version-views';
import type { AliasesRepository } from './aliases.repository';

/**
 * Direct alias and stage changes (MLflow's set-alias and transition-stage). A change the model's
 * approval policy covers is refused with instructions; it goes through RequestPromotion instead.
 */
export class AliasesService {
  constructor(
    private readonly database: RegistryDatabase,
    private readonly mutations: RegistryMutations,
    private readonly lookup: ModelLookup,
    private readonly models: ModelsRepository,
    private readonly aliases: AliasesRepository,
    private readonly applier: PromotionApplier,
    private readonly views: VersionViews,
  ) {}

  setAlias(caller: Caller, name: string, alias: string, version: unknown): Promise<void> {
    assertModelName(name);
    const checkedAlias = assertAlias(alias);
    const number = parseVersionNumber(version);
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      assertNoApprovalNeeded(model, number, { kind: 'alias', alias: checkedAlias });
      await this.applier.setAlias(m, model, checkedAlias, number);
    });
  }

  /**
   * Removes the alias. Deleting an alias that is not set succeeds and changes nothing (no audit
   * entry, no event), as MLflow's store does; the model itself must exist.
   */
  deleteAlias(caller: Caller, name: string, alias: string): Promise<void> {
    assertModelName(name);
    const checkedAlias = assertAlias(alias);
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      const previous = await this.aliases.delete(m.db, model.id, checkedAlias);
      if (previous === undefined) return;
      await this.models.touch(m.db, model.id);
      await m.audited({ action: 'aliases.write', target: { type: 'registered_model', id: name }, before: { alias: checkedAlias, version: previous } });
      await m.emit(name, { aliasDeleted: { alias: checkedAlias, previousVersion: previous } });
    });
  }

  async versionByAlias(name: string, alias: string): Promise<ModelVersionView> {
    const db = this.database.db;
    const model = await this.lookup.model(db, assertModelName(name));
    const version = await this.aliases.get(db, model.id, assertAlias(alias));
    if (version === undefined) throw aliasNotFound(name, alias);
    return this.views.one(db, await this.lookup.version(db, model, version));
  }

  transitionStage(caller: Caller, name: string, version: unknown, stage: Stage, archiveExisting: boolean): Promise<ModelVersionView> {
    assertModelName(name);
    const number = parseVersionNumber(version);
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      assertNoApprovalNeeded(model, number, { kind: 'stage', stage });
      const row = await this.applier.transition(m, model, number, stage, archiveExisting);
      return this.views.one(m.db, row);
    });
  }
}

function assertNoApprovalNeeded(model: ModelRow, version: number, target: PromotionTarget): void {
  const policy = { aliases: model.approval_aliases, stages: model.approval_stages };
  const transition = target.kind === 'alias' ? target : { kind: 'stage' as const, stage: target.stage };
  if (approvalRequired(policy, transition)) throw approvalRequiredError(model.name, version, target);
}
