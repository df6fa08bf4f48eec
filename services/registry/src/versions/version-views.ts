import type { RegistryDb } from '../db/registry-database';
import type { AliasesRepository } from '../aliases/aliases.repository';
import { isStage } from '../domain/stages';
import { VERSION_STATUSES, type ModelVersionView, type Signature, type VersionStatus } from '../domain/views';
import type { ModelsRepository } from '../models/models.repository';
import type { VersionRow, VersionsRepository } from './versions.repository';

/** Builds version views from rows, fetching tags, aliases and profile flags in one query each. */
export class VersionViews {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly models: ModelsRepository,
    private readonly aliases: AliasesRepository,
  ) {}

  async of(db: RegistryDb, rows: readonly VersionRow[]): Promise<ModelVersionView[]> {
    const ids = rows.map((row) => row.id);
    const modelIds = [...new Set(rows.map((row) => row.model_id))];
    // One after another: inside a transaction they share one connection.
    const tags = await this.versions.tagsOf(db, ids);
    const profiles = await this.versions.withProfiles(db, ids);
    const models = await this.models.findByIds(db, modelIds);
    const aliases = await this.aliases.ofModels(db, modelIds);
    const names = new Map(models.map((model) => [model.id, model.name]));
    return rows.map((row) => ({
      name: names.get(row.model_id) ?? '',
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by,
      description: row.description,
      source: row.source,
      storageUri: row.storage_uri,
      runId: row.run_id,
      runLink: row.run_link,
      loggedModelId: row.logged_model_id,
      status: statusOf(row.status),
      statusMessage: row.status_message,
      stage: isStage(row.stage) ? row.stage : 'None',
      tags: tags.get(row.id) ?? {},
      aliases: (aliases.get(row.model_id) ?? []).filter((a) => a.version === row.version).map((a) => a.alias),
      lineage: { datasetDigest: row.dataset_digest, codeVersion: row.code_version },
      signature: (row.signature ?? undefined) as Signature | undefined,
      hasReferenceProfile: profiles.has(row.id),
    }));
  }

  async one(db: RegistryDb, row: VersionRow): Promise<ModelVersionView> {
    const [view] = await this.of(db, [row]);
    if (!view) throw new Error(`model version row ${row.id} produced no view`);
    return view;
  }
}

function statusOf(value: string): VersionStatus {
  return (VERSION_STATUSES as readonly string[]).includes(value) ? (value as VersionStatus) : 'FAILED_REGISTRATION';
}
