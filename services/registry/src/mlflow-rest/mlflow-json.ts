import { invalidArgument } from '../domain/registry-error';
import type { ModelVersionView, RegisteredModelView, Tags } from '../domain/views';

// Domain views as MLflow's REST API spells them (mlflow/protos/model_registry.proto in the
// proto3 JSON mapping with original field names): versions as strings, times in epoch ms,
// tags as [{key, value}], registered-model aliases as [{alias, version}].

export interface MlflowTag {
  key: string;
  value: string;
}

export function registeredModelJson(view: RegisteredModelView): Record<string, unknown> {
  return {
    name: view.name,
    creation_timestamp: view.createdAt.getTime(),
    last_updated_timestamp: view.updatedAt.getTime(),
    user_id: view.createdBy,
    description: view.description,
    latest_versions: view.latestVersions.map(modelVersionJson),
    tags: tagsJson(view.tags),
    aliases: view.aliases.map((alias) => ({ alias: alias.alias, version: String(alias.version) })),
  };
}

export function modelVersionJson(view: ModelVersionView): Record<string, unknown> {
  return {
    name: view.name,
    version: String(view.version),
    creation_timestamp: view.createdAt.getTime(),
    last_updated_timestamp: view.updatedAt.getTime(),
    user_id: view.createdBy,
    current_stage: view.stage,
    description: view.description,
    source: view.source,
    run_id: view.runId,
    status: view.status,
    status_message: view.statusMessage,
    tags: tagsJson(view.tags),
    run_link: view.runLink,
    aliases: [...view.aliases],
    ...(view.loggedModelId ? { model_id: view.loggedModelId } : {}),
  };
}

function tagsJson(tags: Tags): MlflowTag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/** MLflow's `[{key, value}]` tag lists as a map; later duplicates win, as in MLflow's stores. */
export function tagsFromJson(value: unknown, field = 'tags'): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw invalidArgument(field, 'expected a list of {key, value}');
  const tags: Record<string, string> = {};
  value.forEach((tag: unknown, index) => {
    const { key, value: text } = (tag ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') throw invalidArgument(`${field}[${index}].key`, 'expected a string');
    tags[key] = typeof text === 'string' ? text : '';
  });
  return tags;
}
