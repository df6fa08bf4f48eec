import type { RegistryDatabase } from '../db/registry-database';
import type { Caller } from '../domain/caller';
import { notFound } from '../domain/registry-error';
import { assertModelName, parseVersionNumber } from '../domain/names';
import { assertReferenceProfile, type ReferenceProfile } from '../domain/reference-profile';
import type { ModelLookup } from '../models/model-lookup';
import type { RegistryMutations } from '../mutations/registry-mutations';
import { versionTarget } from '../versions/versions.service';
import type { ProfilesRepository } from './profiles.repository';

/** Reference data profiles: stored with a version (or later), read by monitoring for drift. */
export class ProfilesService {
  constructor(
    private readonly database: RegistryDatabase,
    private readonly mutations: RegistryMutations,
    private readonly lookup: ModelLookup,
    private readonly profiles: ProfilesRepository,
  ) {}

  set(caller: Caller, name: string, version: unknown, profile: ReferenceProfile): Promise<void> {
    assertModelName(name);
    const number = parseVersionNumber(version);
    const checked = assertReferenceProfile(profile, 'profile');
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      const row = await this.lookup.version(m.db, model, number);
      await this.profiles.upsert(m.db, row.id, checked);
      await m.audited({
        action: 'models.register',
        target: versionTarget(name, number),
        after: { referenceProfile: { rowCount: checked.rowCount, features: checked.features.map((f) => f.name) } },
      });
      await m.emit(name, { referenceProfileSet: { version: number, rowCount: checked.rowCount } });
    });
  }

  async get(name: string, version: unknown): Promise<ReferenceProfile> {
    const db = this.database.db;
    const number = parseVersionNumber(version);
    const model = await this.lookup.model(db, assertModelName(name));
    const row = await this.lookup.version(db, model, number);
    const profile = await this.profiles.get(db, row.id);
    if (!profile) throw notFound(`Model Version (name=${name}, version=${number}) has no reference profile`);
    return profile;
  }
}
