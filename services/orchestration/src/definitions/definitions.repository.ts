import type { Pipeline } from '@flywheel/pipelines';
import type { OrchestrationDatabase, SqlRunner } from '../db/orchestration-database';
import {
  DEFINITION_COLUMNS,
  type DefinitionRow,
  type StoredDefinition,
  storedDefinitionOf,
} from './stored-definition';

/** The only place the pipeline_definitions SQL lives. Rows are inserted, never changed. */
export class DefinitionsRepository {
  constructor(private readonly database: OrchestrationDatabase) {}

  /**
   * Stores the next version of `pipeline.name`. The advisory lock on the name serializes
   * concurrent registrations, so versions are consecutive and never collide.
   */
  async insertNextVersion(
    tx: SqlRunner,
    input: { pipeline: Pipeline; yaml: string; sha256: string; registeredBy: string },
  ): Promise<StoredDefinition> {
    const table = this.database.definitions;
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}:${input.pipeline.name}`]);
    const { rows } = await tx.query<DefinitionRow>(
      `INSERT INTO ${table} (name, version, sha256, yaml, pipeline, registered_by)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4::jsonb, $5 FROM ${table} WHERE name = $1
       RETURNING ${DEFINITION_COLUMNS}`,
      [input.pipeline.name, input.sha256, input.yaml, JSON.stringify(input.pipeline), input.registeredBy],
    );
    return storedDefinitionOf(rows[0]!);
  }

  /** `version` 0 means the latest. */
  async find(
    name: string,
    version: number,
    tx: SqlRunner = this.database.pool,
  ): Promise<StoredDefinition | undefined> {
    const { rows } = await tx.query<DefinitionRow>(
      version === 0
        ? `SELECT ${DEFINITION_COLUMNS} FROM ${this.database.definitions} WHERE name = $1 ORDER BY version DESC LIMIT 1`
        : `SELECT ${DEFINITION_COLUMNS} FROM ${this.database.definitions} WHERE name = $1 AND version = $2`,
      version === 0 ? [name] : [name, version],
    );
    return rows[0] && storedDefinitionOf(rows[0]);
  }

  /** The latest version of every pipeline, by name. */
  async listLatest(runner: SqlRunner = this.database.pool): Promise<StoredDefinition[]> {
    const { rows } = await runner.query<DefinitionRow>(
      `SELECT DISTINCT ON (name) ${DEFINITION_COLUMNS} FROM ${this.database.definitions} ORDER BY name, version DESC`,
    );
    return rows.map(storedDefinitionOf);
  }
}
