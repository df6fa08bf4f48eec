import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the registry schema (migrations/*.sql). Timestamps default to now() on
// insert; bigint columns come back from pg as strings.

type CreatedAt = ColumnType<Date, Date | undefined, Date>;
type BigIntColumn = ColumnType<string, number | string, number | string>;

export interface RegisteredModelsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  created_by: string;
  last_version: Generated<number>;
  approval_aliases: ColumnType<string[], string[] | undefined, string[]>;
  approval_stages: ColumnType<string[], string[] | undefined, string[]>;
}

export interface TagsTable {
  key: string;
  value: string;
}

export interface RegisteredModelTagsTable extends TagsTable {
  model_id: string;
}

export interface ModelVersionTagsTable extends TagsTable {
  version_id: string;
}

export interface ModelVersionsTable {
  id: Generated<string>;
  model_id: string;
  version: number;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  created_by: string;
  description: string;
  source: string;
  storage_uri: string;
  run_id: string;
  run_link: string;
  logged_model_id: string;
  status: string;
  status_message: Generated<string>;
  stage: Generated<string>;
  dataset_digest: string;
  code_version: string;
  signature: ColumnType<unknown, string | null, string | null>;
  copy_claimed_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ModelAliasesTable {
  model_id: string;
  alias: string;
  version: number;
}

export interface ReferenceProfilesTable {
  version_id: string;
  row_count: BigIntColumn;
  profile: ColumnType<unknown, string, string>;
  updated_at: CreatedAt;
}

export interface PromotionRequestsTable {
  id: string;
  model_id: string;
  version: number;
  target_alias: string | null;
  target_stage: string | null;
  archive_existing: boolean;
  state: string;
  requested_by_kind: string;
  requested_by_id: string;
  requested_by_name: string;
  requested_by_role: string;
  requested_at: CreatedAt;
  decided_by_name: Generated<string>;
  decided_at: Date | null;
  comment: string;
  decision_comment: Generated<string>;
}

export interface OutboxTable {
  id: Generated<string>;
  model_name: string;
  actor: string;
  occurred_at: CreatedAt;
  change: ColumnType<unknown, string, string>;
  delivered_at: Date | null;
}

export interface RegistryTables {
  registered_models: RegisteredModelsTable;
  registered_model_tags: RegisteredModelTagsTable;
  model_versions: ModelVersionsTable;
  model_version_tags: ModelVersionTagsTable;
  model_aliases: ModelAliasesTable;
  reference_profiles: ReferenceProfilesTable;
  promotion_requests: PromotionRequestsTable;
  outbox: OutboxTable;
}
