import type { RegistryDb } from '../db/registry-database';
import type { ReferenceProfile } from '../domain/reference-profile';

/** The only place the SQL of `reference_profiles` lives. The profile is stored as JSON. */
export class ProfilesRepository {
  async upsert(db: RegistryDb, versionId: string, profile: ReferenceProfile): Promise<void> {
    const json = JSON.stringify(profile);
    await db
      .insertInto('reference_profiles')
      .values({ version_id: versionId, row_count: profile.rowCount, profile: json })
      .onConflict((conflict) =>
        conflict.column('version_id').doUpdateSet({ row_count: profile.rowCount, profile: json, updated_at: new Date() }),
      )
      .execute();
  }

  async get(db: RegistryDb, versionId: string): Promise<ReferenceProfile | undefined> {
    const row = await db.selectFrom('reference_profiles').select('profile').where('version_id', '=', versionId).executeTakeFirst();
    return row ? (row.profile as ReferenceProfile) : undefined;
  }
}
