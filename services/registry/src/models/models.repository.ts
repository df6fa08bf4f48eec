import type { ApprovalPolicy } from '@flywheel/access';
import type { Selectable } from 'kysely';
import type { RegistryDb } from '../db/registry-database';
import type { RegisteredModelsTable } from '../db/registry-tables';

export type ModelRow = Selectable<RegisteredModelsTable>;

/** The only place the SQL of `registered_models` and its tags lives. */
export class ModelsRepository {
  /** Inserts the model, or returns undefined when the name is taken (no exception, no aborted transaction). */
  insert(db: RegistryDb, model: { name: string; description: string; createdBy: string }): Promise<ModelRow | undefined> {
    return db
      .insertInto('registered_models')
      .values({ name: model.name, description: model.description, created_by: model.createdBy })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  findByName(db: RegistryDb, name: string): Promise<ModelRow | undefined> {
    return db.selectFrom('registered_models').selectAll().where('name', '=', name).executeTakeFirst();
  }

  findByIds(db: RegistryDb, ids: readonly string[]): Promise<ModelRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('registered_models').selectAll().where('id', 'in', ids).execute();
  }

  /**
   * Locks the model's row for the rest of the transaction: every change to a model takes this
   * lock first, so changes to one model (and their outbox rows) are serialized in commit order.
   */
  lockByName(db: RegistryDb, name: string): Promise<ModelRow | undefined> {
    return db.selectFrom('registered_models').selectAll().where('name', '=', name).forUpdate().executeTakeFirst();
  }

  lockById(db: RegistryDb, id: string): Promise<ModelRow | undefined> {
    return db.selectFrom('registered_models').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Hands out the model's next version number (the row lock makes concurrent calls queue). */
  async nextVersion(db: RegistryDb, modelId: string): Promise<number> {
    const row = await db
      .updateTable('registered_models')
      .set((eb) => ({ last_version: eb('last_version', '+', 1), updated_at: new Date() }))
      .where('id', '=', modelId)
      .returning('last_version')
      .executeTakeFirstOrThrow();
    return row.last_version;
  }

  async touch(db: RegistryDb, modelId: string): Promise<void> {
    await db.updateTable('registered_models').set({ updated_at: new Date() }).where('id', '=', modelId).execute();
  }

  async setDescription(db: RegistryDb, modelId: string, description: string): Promise<void> {
    await db.updateTable('registered_models').set({ description, updated_at: new Date() }).where('id', '=', modelId).execute();
  }

  /** Renames; returns false when `newName` is taken. */
  async rename(db: RegistryDb, modelId: string, newName: string): Promise<boolean> {
    const taken = await this.findByName(db, newName);
    if (taken) return false;
    await db.updateTable('registered_models').set({ name: newName, updated_at: new Date() }).where('id', '=', modelId).execute();
    return true;
  }

  async setApprovalPolicy(db: RegistryDb, modelId: string, policy: ApprovalPolicy): Promise<void> {
    await db
      .updateTable('registered_models')
      .set({ approval_aliases: [...policy.aliases], approval_stages: [...policy.stages], updated_at: new Date() })
      .where('id', '=', modelId)
      .execute();
  }

  async delete(db: RegistryDb, modelId: string): Promise<void> {
    await db.deleteFrom('registered_models').where('id', '=', modelId).execute();
  }

  async tagsOf(db: RegistryDb, modelIds: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const tags = new Map<string, Record<string, string>>();
    if (modelIds.length === 0) return tags;
    const rows = await db
      .selectFrom('registered_model_tags')
      .select(['model_id', 'key', 'value'])
      .where('model_id', 'in', modelIds)
      .orderBy('key')
      .execute();
    for (const row of rows) tags.set(row.model_id, { ...tags.get(row.model_id), [row.key]: row.value });
    return tags;
  }

  async setTag(db: RegistryDb, modelId: string, key: string, value: string): Promise<string | undefined> {
    const previous = await db
      .selectFrom('registered_model_tags')
      .select('value')
      .where('model_id', '=', modelId)
      .where('key', '=', key)
      .executeTakeFirst();
    await db
      .insertInto('registered_model_tags')
      .values({ model_id: modelId, key, value })
      .onConflict((conflict) => conflict.columns(['model_id', 'key']).doUpdateSet({ value }))
      .execute();
    return previous?.value;
  }

  /** Removes the tag; returns its value, or undefined when there was none. */
  async deleteTag(db: RegistryDb, modelId: string, key: string): Promise<string | undefined> {
    const row = await db
      .deleteFrom('registered_model_tags')
      .where('model_id', '=', modelId)
      .where('key', '=', key)
      .returning('value')
      .executeTakeFirst();
    return row?.value;
  }
}
