import type { RegistryDb } from '../db/registry-database';
import type { AliasesRepository } from '../aliases/aliases.repository';
import { STAGES } from '../domain/stages';
import type { RegisteredModelView } from '../domain/views';
import type { VersionViews } from '../versions/version-views';
import type { VersionsRepository } from '../versions/versions.repository';
import type { ModelRow, ModelsRepository } from './models.repository';

/** Builds registered model views from rows: tags, aliases and latest versions per stage, batched. */
export class ModelViews {
  constructor(
    private readonly models: ModelsRepository,
    private readonly versions: VersionsRepository,
    private readonly aliases: AliasesRepository,
    private readonly versionViews: VersionViews,
  ) {}

  async of(db: RegistryDb, rows: readonly ModelRow[]): Promise<RegisteredModelView[]> {
    const ids = rows.map((row) => row.id);
    // One after another: inside a transaction they share one connection.
    const tags = await this.models.tagsOf(db, ids);
    const aliases = await this.aliases.ofModels(db, ids);
    const latestRows = await this.versions.latestPerStage(db, ids);
    const latest = await this.versionViews.of(db, latestRows);
    return rows.map((row, index) => ({
      name: row.name,
      description: row.description,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by,
      tags: tags.get(row.id) ?? {},
      aliases: aliases.get(row.id) ?? [],
      latestVersions: latest
        .filter((_, i) => latestRows[i]?.model_id === rows[index]?.id)
        .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage)),
      approvalPolicy: { aliases: row.approval_aliases, stages: row.approval_stages },
    }));
  }

  async one(db: RegistryDb, row: ModelRow): Promise<RegisteredModelView> {
    const [view] = await this.of(db, [row]);
    if (!view) throw new Error(`registered model row ${row.id} produced no view`);
    return view;
  }
}
