import type { Pipeline } from '@flywheel/pipelines';

/** One immutable version of a registered pipeline definition. */
export interface StoredDefinition {
  name: string;
  version: number;
  sha256: string;
  yaml: string;
  pipeline: Pipeline;
  registeredBy: string;
  registeredAt: Date;
}

export interface DefinitionRow {
  name: string;
  version: number;
  sha256: string;
  yaml: string;
  pipeline: Pipeline;
  registered_by: string;
  registered_at: Date;
}

export const DEFINITION_COLUMNS = 'name, version, sha256, yaml, pipeline, registered_by, registered_at';

export function storedDefinitionOf(row: DefinitionRow): StoredDefinition {
  return {
    name: row.name,
    version: row.version,
    sha256: row.sha256,
    yaml: row.yaml,
    pipeline: row.pipeline,
    registeredBy: row.registered_by,
    registeredAt: row.registered_at,
  };
}
