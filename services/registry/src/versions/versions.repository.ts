import type { Selectable } from 'kysely';
import type { RegistryDb } from '../db/registry-database';
import type { ModelVersionsTable } from '../db/registry-tables';
import type { Stage } from '../domain/stages';
import type { VersionStatus } from '../domain/views';

export type VersionRow = Selectable<ModelVersionsTable>;

export interface NewVersion {
  modelId: string;
  version: number;
  createdBy: string;
  description: string;
  source: string;
  storageUri: string;
  runId: string;
  runLink: string;
  loggedModelId: string;
  status: VersionStatus;
  statusMessage: string;
  datasetDigest: string;
  codeVersion: string;
  signature: unknown;
}

/** The only place the SQL of `model_versions` and their tags lives. */
export class VersionsRepository {
  insert(db: RegistryDb, version: NewVersion): Promise<VersionRow> {
    return db
      .insertInto('model_versions')
      .values({
        model_id: version.modelId,
        version: version.version,
        created_by: version.createdBy,
        description: version.description,
        source: version.source,
        storage_uri: version.storageUri,
        run_id: version.runId,
        run_link: version.runLink,
        logged_model_id: version.loggedModelId,
        status: version.status,
        status_message: version.statusMessage,
        dataset_digest: version.datasetDigest,
        code_version: version.codeVersion,
        signature: version.signature === undefined ? null : JSON.stringify(version.signature),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  find(db: RegistryDb, modelId: string, version: number): Promise<VersionRow | undefined> {
    return db
      .selectFrom('model_versions')
      .selectAll()
      .where('model_id', '=', modelId)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  findByIds(db: RegistryDb, ids: readonly string[]): Promise<VersionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('model_versions').selectAll().where('id', 'in', ids).execute();
  }

  /** The newest version of each stage, for each model (MLflow's `latest_versions`). */
  latestPerStage(db: RegistryDb, modelIds: readonly string[], stages?: readonly Stage[]): Promise<VersionRow[]> {
    if (modelIds.length === 0) return Promise.resolve([]);
    let query = db
      .selectFrom('model_versions')
      .selectAll()
      .distinctOn(['model_id', 'stage'])
      .where('model_id', 'in', modelIds);
    if (stages && stages.length > 0) query = query.where('stage', 'in', stages);
    return query.orderBy('model_id').orderBy('stage').orderBy('version', 'desc').execute();
  }

  async setDescription(db: RegistryDb, id: string, description: string): Promise<void> {
    await db.updateTable('model_versions').set({ description, updated_at: new Date() }).where('id', '=', id).execute();
  }

  async setStage(db: RegistryDb, id: string, stage: Stage): Promise<void> {
    await db.updateTable('model_versions').set({ stage, updated_at: new Date() }).where('id', '=', id).execute();
  }

  /** Moves every other version in `stage` to Archived; returns them as they were. */
  archiveStage(db: RegistryDb, modelId: string, stage: Stage, exceptVersion: number): Promise<VersionRow[]> {
    return db
      .updateTable('model_versions')
      .set({ stage: 'Archived', updated_at: new Date() })
      .where('model_id', '=', modelId)
      .where('stage', '=', stage)
      .where('version', '<>', exceptVersion)
      .returningAll()
      .execute();
  }

  async setStatus(db: RegistryDb, id: string, status: VersionStatus, message: string, storageUri?: string): Promise<void> {
    await db
      .updateTable('model_versions')
      .set({ status, status_message: message, copy_claimed_until: null, updated_at: new Date(), ...(storageUri ? { storage_uri: storageUri } : {}) })
      .where('id', '=', id)
      .execute();
  }

  async delete(db: RegistryDb, id: string): Promise<void> {
    await db.deleteFrom('model_versions').where('id', '=', id).execute();
  }

  async tagsOf(db: RegistryDb, versionIds: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const tags = new Map<string, Record<string, string>>();
    if (versionIds.length === 0) return tags;
    const rows = await db
      .selectFrom('model_version_tags')
      .select(['version_id', 'key', 'value'])
      .where('version_id', 'in', versionIds)
      .orderBy('key')
      .execute();
    for (const row of rows) tags.set(row.version_id, { ...tags.get(row.version_id), [row.key]: row.value });
    return tags;
  }

  async setTag(db: RegistryDb, versionId: string, key: string, value: string): Promise<void> {
    await db
      .insertInto('model_version_tags')
      .values({ version_id: versionId, key, value })
      .onConflict((conflict) => conflict.columns(['version_id', 'key']).doUpdateSet({ value }))
      .execute();
  }

  async deleteTag(db: RegistryDb, versionId: string, key: string): Promise<string | undefined> {
    const row = await db
      .deleteFrom('model_version_tags')
      .where('version_id', '=', versionId)
      .where('key', '=', key)
      .returning('value')
      .executeTakeFirst();
    return row?.value;
  }

  /** Versions of `modelIds` that have a reference profile. */
  async withProfiles(db: RegistryDb, versionIds: readonly string[]): Promise<Set<string>> {
    if (versionIds.length === 0) return new Set();
    const rows = await db.selectFrom('reference_profiles').select('version_id').where('version_id', 'in', versionIds).execute();
    return new Set(rows.map((row) => row.version_id));
  }
}
