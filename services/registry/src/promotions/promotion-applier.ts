import type { AliasesRepository } from '../aliases/aliases.repository';
import { RegistryError } from '../domain/registry-error';
import { modelStageOf } from '../domain/model-stage';
import { type Stage, checkStageTransition, stageNeedsReadyVersion } from '../domain/stages';
import type { ModelLookup } from '../models/model-lookup';
import type { ModelRow, ModelsRepository } from '../models/models.repository';
import type { Mutation } from '../mutations/mutation';
import { versionTarget } from '../versions/versions.service';
import type { VersionRow, VersionsRepository } from '../versions/versions.repository';

/**
 * Applies alias and stage changes inside a mutation whose model row is locked: the shared step
 * of direct calls and approved promotion requests. Each change is audited and emitted.
 */
export class PromotionApplier {
  constructor(
    private readonly lookup: ModelLookup,
    private readonly models: ModelsRepository,
    private readonly versions: VersionsRepository,
    private readonly aliases: AliasesRepository,
  ) {}

  async setAlias(m: Mutation, model: ModelRow, alias: string, version: number): Promise<void> {
    const row = await this.lookup.version(m.db, model, version);
    assertServable(model.name, row);
    const previous = await this.aliases.set(m.db, model.id, alias, version);
    if (previous === version) return;
    await this.models.touch(m.db, model.id);
    await m.audited({
      action: 'aliases.write',
      target: { type: 'registered_model', id: model.name },
      before: previous === undefined ? undefined : { alias, version: previous },
      after: { alias, version },
    });
    await m.emit(model.name, { aliasSet: { alias, version, previousVersion: previous ?? 0 } });
  }

  /** Moves the version to `stage` (archiving the stage's other versions on request); returns it afterwards. */
  async transition(m: Mutation, model: ModelRow, version: number, stage: Stage, archiveExisting: boolean): Promise<VersionRow> {
    const row = await this.lookup.version(m.db, model, version);
    const from = row.stage as Stage;
    if (!checkStageTransition(from, stage, archiveExisting).changes) return row;
    if (stageNeedsReadyVersion(stage)) assertServable(model.name, row);
    if (from !== stage) {
      await this.versions.setStage(m.db, row.id, stage);
      await this.stageAudited(m, model.name, version, from, stage);
    }
    if (archiveExisting) {
      for (const archived of await this.versions.archiveStage(m.db, model.id, stage, version)) {
        await this.stageAudited(m, model.name, archived.version, stage, 'Archived');
      }
    }
    await this.models.touch(m.db, model.id);
    return this.lookup.version(m.db, model, version);
  }

  private async stageAudited(m: Mutation, name: string, version: number, from: Stage, to: Stage): Promise<void> {
    await m.audited({ action: 'stages.transition', target: versionTarget(name, version), before: { stage: from }, after: { stage: to } });
    await m.emit(name, { stageTransitioned: { version, fromStage: modelStageOf(from), toStage: modelStageOf(to) } });
  }
}

function assertServable(name: string, row: VersionRow): void {
  if (row.status !== 'READY') {
    throw new RegistryError(
      'failed_precondition',
      `Model Version (name=${name}, version=${row.version}) is ${row.status}; only READY versions can be promoted`,
    );
  }
}
