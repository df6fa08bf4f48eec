import type { ApprovalPolicy } from '@flywheel/access';
import type { RegistryDatabase } from '../db/registry-database';
import { normalizeApprovalPolicy } from '../domain/approval-policy';
import { type Caller, actorOf } from '../domain/caller';
import { modelAlreadyExists, tagNotFound } from '../domain/messages';
import { assertDescription, assertModelName, assertTagKey, assertTagValue } from '../domain/names';
import type { Page, RegisteredModelView, Tags } from '../domain/views';
import type { RegistryMutations } from '../mutations/registry-mutations';
import type { SearchInput } from '../search/search-page';
import type { ModelLookup } from './model-lookup';
import type { ModelSearchRepository } from './model-search.repository';
import type { ModelViews } from './model-views';
import type { ModelsRepository } from './models.repository';

/** Use cases of registered models: create, read, describe, rename, delete, search, tag, policy. */
export class ModelsService {
  constructor(
    private readonly database: RegistryDatabase,
    private readonly mutations: RegistryMutations,
    private readonly models: ModelsRepository,
    private readonly lookup: ModelLookup,
    private readonly views: ModelViews,
    private readonly searchRepository: ModelSearchRepository,
  ) {}

  create(caller: Caller, input: { name: string; description?: string; tags?: Tags }): Promise<RegisteredModelView> {
    const name = assertModelName(input.name);
    const description = assertDescription(input.description);
    const tags = Object.entries(input.tags ?? {}).map(([key, value]) => [assertTagKey(key, `tags.key`), assertTagValue(value, `tags[${key}]`)] as const);
    return this.mutations.run(caller, async (m) => {
      const row = await this.models.insert(m.db, { name, description, createdBy: actorOf(caller) });
      if (!row) throw modelAlreadyExists(name);
      for (const [key, value] of tags) await this.models.setTag(m.db, row.id, key, value);
      const view = await this.views.one(m.db, row);
      await m.audited({ action: 'models.register', target: modelTarget(name), after: { name, description, tags: view.tags } });
      await m.emit(name, { modelCreated: { description } });
      return view;
    });
  }

  async get(name: string): Promise<RegisteredModelView> {
    const row = await this.lookup.model(this.database.db, assertModelName(name));
    return this.views.one(this.database.db, row);
  }

  update(caller: Caller, name: string, description: string | undefined): Promise<RegisteredModelView> {
    assertModelName(name);
    const text = assertDescription(description);
    return this.mutations.run(caller, async (m) => {
      const row = await this.lookup.lockedModel(m.db, name);
      await this.models.setDescription(m.db, row.id, text);
      await m.audited({ action: 'models.register', target: modelTarget(name), before: { description: row.description }, after: { description: text } });
      await m.emit(name, { modelUpdated: { description: text } });
      return this.views.one(m.db, await this.lookup.model(m.db, name));
    });
  }

  rename(caller: Caller, name: string, newName: string): Promise<RegisteredModelView> {
    assertModelName(name);
    const target = assertModelName(newName, 'new_name');
    return this.mutations.run(caller, async (m) => {
      const row = await this.lookup.lockedModel(m.db, name);
      if (target !== name && !(await this.models.rename(m.db, row.id, target))) throw modelAlreadyExists(target);
      await m.audited({ action: 'models.register', target: modelTarget(target), before: { name }, after: { name: target } });
      await m.emit(target, { modelRenamed: { previousName: name } });
      return this.views.one(m.db, await this.lookup.model(m.db, target));
    });
  }

  delete(caller: Caller, name: string): Promise<void> {
    assertModelName(name);
    return this.mutations.run(caller, async (m) => {
      const row = await this.lookup.lockedModel(m.db, name);
      const before = await this.views.one(m.db, row);
      await this.models.delete(m.db, row.id);
      await m.audited({ action: 'models.delete', target: modelTarget(name), before });
      await m.emit(name, { modelDeleted: {} });
    });
  }

  async search(input: SearchInput): Promise<Page<RegisteredModelView>> {
    const page = await this.searchRepository.search(input);
    return { items: await this.views.of(this.database.db, page.rows), nextPageToken: page.nextPageToken };
  }

  setTag(caller: Caller, name: string, key: string, value: string): Promise<void> {
    assertModelName(name);
    assertTagKey(key);
    assertTagValue(value);
    return this.mutations.run(caller, async (m) => {
      const row = await this.lookup.lockedModel(m.db, name);
      const previous = await this.models.setTag(m.db, row.id, key, value);
      await this.models.touch(m.db, row.id);
      await m.audited({ action: 'models.register', target: modelTarget(name), before: previous === undefined ? undefined : { tag: { key, value: previous } }, after: { tag: { key, value } } });
      await m.emit(name, { modelTagSet: { key, value } });
    });
  }

  deleteTag(caller: Caller, name: string, key: string): Promise<void> {
    assertModelName(name);
    assertTagKey(key);
    return this.mutations.run(caller, async (m) => {
      const row = await this.lookup.lockedModel(m.db, name);
      const previous = await this.models.deleteTag(m.db, row.id, key);
      if (previous === undefined) throw tagNotFound(`registered model ${name}`, key);
      await this.models.touch(m.db, row.id);
      await m.audited({ action: 'models.register', target: modelTarget(name), before: { tag: { key, value: previous } } });
      await m.emit(name, { modelTagDeleted: { key } });
    });
  }

  setApprovalPolicy(caller: Caller, name: string, policy: ApprovalPolicy): Promise<ApprovalPolicy> {
    assertModelName(name);
    const normalized = normalizeApprovalPolicy(policy);
    return this.mutations.run(caller, async (m) => {
      const row = await this.lookup.lockedModel(m.db, name);
      await this.models.setApprovalPolicy(m.db, row.id, normalized);
      await m.audited({
        action: 'policies.manage',
        target: modelTarget(name),
        before: { aliases: row.approval_aliases, stages: row.approval_stages },
        after: normalized,
      });
      await m.emit(name, { approvalPolicySet: { aliases: [...normalized.aliases], stages: [...normalized.stages] } });
      return normalized;
    });
  }

  async approvalPolicy(name: string): Promise<ApprovalPolicy> {
    const row = await this.lookup.model(this.database.db, assertModelName(name));
    return { aliases: row.approval_aliases, stages: row.approval_stages };
  }
}

export function modelTarget(name: string): { type: 'registered_model'; id: string } {
  return { type: 'registered_model', id: name };
}
