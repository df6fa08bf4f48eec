import { ModelVersionStatus } from '@flywheel/contracts';
import type { RegistryDatabase } from '../db/registry-database';
import { type Caller, actorOf } from '../domain/caller';
import { invalidArgument } from '../domain/registry-error';
import { tagNotFound } from '../domain/messages';
import { assertDescription, assertModelName, assertTagKey, assertTagValue, parseVersionNumber } from '../domain/names';
import { assertReferenceProfile, type ReferenceProfile } from '../domain/reference-profile';
import { assertSignature } from '../domain/signature';
import type { Stage } from '../domain/stages';
import type { Lineage, ModelVersionView, Page, Signature, Tags } from '../domain/views';
import type { ModelLookup } from '../models/model-lookup';
import type { ModelsRepository } from '../models/models.repository';
import type { Mutation } from '../mutations/mutation';
import type { RegistryMutations } from '../mutations/registry-mutations';
import type { ProfilesRepository } from '../profiles/profiles.repository';
import type { SearchInput } from '../search/search-page';
import type { SourceResolver } from '../sources/source-resolver';
import type { VersionSearchRepository } from './version-search.repository';
import type { VersionViews } from './version-views';
import type { VersionRow, VersionsRepository } from './versions.repository';

export interface CreateVersionInput {
  name: string;
  source: string;
  runId?: string;
  runLink?: string;
  description?: string;
  tags?: Tags;
  lineage?: Partial<Lineage>;
  signature?: Signature;
  referenceProfile?: ReferenceProfile;
  copyToManagedStorage?: boolean;
  loggedModelId?: string;
  /** The caller's `authorization`, forwarded when the source must be looked up in tracking. */
  authorization?: string;
}

/** Use cases of model versions: register (race-free numbering), read, describe, delete, search, tag. */
export class VersionsService {
  constructor(
    private readonly database: RegistryDatabase,
    private readonly mutations: RegistryMutations,
    private readonly lookup: ModelLookup,
    private readonly models: ModelsRepository,
    private readonly versions: VersionsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly views: VersionViews,
    private readonly searchRepository: VersionSearchRepository,
    private readonly sources: SourceResolver,
  ) {}

  async create(caller: Caller, input: CreateVersionInput): Promise<ModelVersionView> {
    const name = assertModelName(input.name);
    const description = assertDescription(input.description);
    const tags = Object.entries(input.tags ?? {}).map(([key, value]) => [assertTagKey(key, 'tags.key'), assertTagValue(value, `tags[${key}]`)] as const);
    const signature = assertSignature(input.signature);
    const profile = input.referenceProfile && assertReferenceProfile(input.referenceProfile);
    // Resolved before the transaction opens: it may ask the tracking service over HTTP.
    const resolved = await this.sources.resolve({
      source: input.source,
      authorization: input.authorization,
      registeredVersionStorage: (model, version) => this.storageOf(model, version),
    });
    const runId = input.runId || resolved.runId || '';
    if (resolved.runId && input.runId && resolved.runId !== input.runId) {
      throw invalidArgument('run_id', `${input.runId} differs from the run named by source ${input.source}`);
    }
    const copy = input.copyToManagedStorage === true;
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      const version = await this.models.nextVersion(m.db, model.id);
      const row = await this.versions.insert(m.db, {
        modelId: model.id,
        version,
        createdBy: actorOf(caller),
        description,
        source: input.source,
        storageUri: resolved.storageUri,
        runId,
        runLink: input.runLink ?? '',
        loggedModelId: input.loggedModelId || resolved.loggedModelId || '',
        status: copy ? 'PENDING_REGISTRATION' : 'READY',
        statusMessage: copy ? 'copying the artifacts into managed storage' : '',
        datasetDigest: input.lineage?.datasetDigest ?? '',
        codeVersion: input.lineage?.codeVersion ?? '',
        signature,
      });
      for (const [key, value] of tags) await this.versions.setTag(m.db, row.id, key, value);
      if (profile) await this.profiles.upsert(m.db, row.id, profile);
      const view = await this.views.one(m.db, row);
      await m.audited({ action: 'models.register', target: versionTarget(name, version), after: view });
      await m.emit(name, {
        versionCreated: { version, sourceUri: row.storage_uri, runId, status: copy ? ModelVersionStatus.PENDING_REGISTRATION : ModelVersionStatus.READY },
      });
      return view;
    });
  }

  async get(name: string, version: unknown): Promise<ModelVersionView> {
    const db = this.database.db;
    const model = await this.lookup.model(db, assertModelName(name));
    return this.views.one(db, await this.lookup.version(db, model, parseVersionNumber(version)));
  }

  update(caller: Caller, name: string, version: unknown, description: string | undefined): Promise<ModelVersionView> {
    const number = parseVersionNumber(version);
    const text = assertDescription(description);
    return this.inVersion(caller, name, number, async (m, row) => {
      await this.versions.setDescription(m.db, row.id, text);
      await m.audited({ action: 'models.register', target: versionTarget(name, number), before: { description: row.description }, after: { description: text } });
      await m.emit(name, { versionUpdated: { version: number, description: text } });
      return this.views.one(m.db, await this.versions.find(m.db, row.model_id, number).then((r) => r ?? row));
    });
  }

  delete(caller: Caller, name: string, version: unknown): Promise<void> {
    const number = parseVersionNumber(version);
    return this.inVersion(caller, name, number, async (m, row) => {
      const before = await this.views.one(m.db, row);
      for (const alias of before.aliases) {
        await m.emit(name, { aliasDeleted: { alias, previousVersion: number } });
      }
      await this.versions.delete(m.db, row.id);
      await m.audited({ action: 'models.delete', target: versionTarget(name, number), before });
      await m.emit(name, { versionDeleted: { version: number } });
    });
  }

  async search(input: SearchInput): Promise<Page<ModelVersionView>> {
    const page = await this.searchRepository.search(input);
    return { items: await this.views.of(this.database.db, page.rows), nextPageToken: page.nextPageToken };
  }

  /** The newest version in each of `stages` (every stage when empty), MLflow's get-latest-versions. */
  async latest(name: string, stages: readonly Stage[]): Promise<ModelVersionView[]> {
    const db = this.database.db;
    const model = await this.lookup.model(db, assertModelName(name));
    return this.views.of(db, await this.versions.latestPerStage(db, [model.id], stages));
  }

  setTag(caller: Caller, name: string, version: unknown, key: string, value: string): Promise<void> {
    const number = parseVersionNumber(version);
    assertTagKey(key);
    assertTagValue(value);
    return this.inVersion(caller, name, number, async (m, row) => {
      await this.versions.setTag(m.db, row.id, key, value);
      await m.audited({ action: 'models.register', target: versionTarget(name, number), after: { tag: { key, value } } });
      await m.emit(name, { versionTagSet: { version: number, key, value } });
    });
  }

  deleteTag(caller: Caller, name: string, version: unknown, key: string): Promise<void> {
    const number = parseVersionNumber(version);
    assertTagKey(key);
    return this.inVersion(caller, name, number, async (m, row) => {
      const previous = await this.versions.deleteTag(m.db, row.id, key);
      if (previous === undefined) throw tagNotFound(`model version ${name}/${number}`, key);
      await m.audited({ action: 'models.register', target: versionTarget(name, number), before: { tag: { key, value: previous } } });
      await m.emit(name, { versionTagDeleted: { version: number, key } });
    });
  }

  async downloadUri(name: string, version: unknown): Promise<string> {
    return (await this.get(name, version)).storageUri;
  }

  /** Runs `work` on a version with its model locked. */
  private inVersion<T>(caller: Caller, name: string, version: number, work: (m: Mutation, row: VersionRow) => Promise<T>): Promise<T> {
    assertModelName(name);
    return this.mutations.run(caller, async (m) => {
      const model = await this.lookup.lockedModel(m.db, name);
      return work(m, await this.lookup.version(m.db, model, version));
    });
  }

  private async storageOf(name: string, version: number): Promise<string> {
    const db = this.database.db;
    const model = await this.lookup.model(db, assertModelName(name, 'source'));
    return (await this.lookup.version(db, model, version)).storage_uri;
  }
}

export function versionTarget(name: string, version: number): { type: 'model_version'; id: string } {
  return { type: 'model_version', id: `${name}/${version}` };
}
