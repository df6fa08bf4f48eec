import type { RegistryDb } from '../db/registry-database';
import { modelNotFound, versionNotFound } from '../domain/messages';
import type { VersionRow, VersionsRepository } from '../versions/versions.repository';
import type { ModelRow, ModelsRepository } from './models.repository';

/** Finds models and versions or fails with MLflow's not-found messages. */
export class ModelLookup {
  constructor(
    readonly models: ModelsRepository,
    readonly versions: VersionsRepository,
  ) {}

  async model(db: RegistryDb, name: string): Promise<ModelRow> {
    const row = await this.models.findByName(db, name);
    if (!row) throw modelNotFound(name);
    return row;
  }

  /** Takes the model's row lock: call first in every mutation of a model. */
  async lockedModel(db: RegistryDb, name: string): Promise<ModelRow> {
    const row = await this.models.lockByName(db, name);
    if (!row) throw modelNotFound(name);
    return row;
  }

  async version(db: RegistryDb, model: ModelRow, version: number): Promise<VersionRow> {
    const row = await this.versions.find(db, model.id, version);
    if (!row) throw versionNotFound(model.name, version);
    return row;
  }
}
