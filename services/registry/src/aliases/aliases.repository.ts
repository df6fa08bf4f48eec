import type { RegistryDb } from '../db/registry-database';
import type { ModelAlias } from '../domain/views';

/** The only place the SQL of `model_aliases` lives. */
export class AliasesRepository {
  /** Points the alias at `version`; returns the version it pointed at before, if any. */
  async set(db: RegistryDb, modelId: string, alias: string, version: number): Promise<number | undefined> {
    const previous = await this.get(db, modelId, alias);
    await db
      .insertInto('model_aliases')
      .values({ model_id: modelId, alias, version })
      .onConflict((conflict) => conflict.columns(['model_id', 'alias']).doUpdateSet({ version }))
      .execute();
    return previous;
  }

  /** Removes the alias; returns the version it pointed at, or undefined when there was none. */
  async delete(db: RegistryDb, modelId: string, alias: string): Promise<number | undefined> {
    const row = await db
      .deleteFrom('model_aliases')
      .where('model_id', '=', modelId)
      .where('alias', '=', alias)
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }

  async get(db: RegistryDb, modelId: string, alias: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('model_aliases')
      .select('version')
      .where('model_id', '=', modelId)
      .where('alias', '=', alias)
      .executeTakeFirst();
    return row?.version;
  }

  /** Every alias of each model, by alias name. */
  async ofModels(db: RegistryDb, modelIds: readonly string[]): Promise<Map<string, ModelAlias[]>> {
    const aliases = new Map<string, ModelAlias[]>();
    if (modelIds.length === 0) return aliases;
    const rows = await db
      .selectFrom('model_aliases')
      .select(['model_id', 'alias', 'version'])
      .where('model_id', 'in', modelIds)
      .orderBy('alias')
      .execute();
    for (const row of rows) {
      aliases.set(row.model_id, [...(aliases.get(row.model_id) ?? []), { alias: row.alias, version: row.version }]);
    }
    return aliases;
  }

  /** Aliases pointing at one version. */
  async ofVersion(db: RegistryDb, modelId: string, version: number): Promise<string[]> {
    const rows = await db
      .selectFrom('model_aliases')
      .select('alias')
      .where('model_id', '=', modelId)
      .where('version', '=', version)
      .orderBy('alias')
      .execute();
    return rows.map((row) => row.alias);
  }
}
