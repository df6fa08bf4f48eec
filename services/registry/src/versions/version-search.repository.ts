import { CompiledQuery } from 'kysely';
import { MODEL_VERSIONS_SCHEMA } from '@flywheel/search-filter';
import type { RegistryDatabase } from '../db/registry-database';
import { compilePageQuery, pageOf, type SearchInput } from '../search/search-page';
import type { VersionRow } from './versions.repository';

/** MLflow's defaults for `search_model_versions`. */
export const VERSIONS_DEFAULT_MAX_RESULTS = 10_000;
export const VERSIONS_MAX_MAX_RESULTS = 200_000;

/** MLflow's `search_model_versions` over `model_versions`, parameterized SQL only. */
export class VersionSearchRepository {
  constructor(private readonly database: RegistryDatabase) {}

  async search(input: SearchInput): Promise<{ rows: VersionRow[]; nextPageToken: string | undefined }> {
    const schema = this.database.qualifiedSchema;
    const query = compilePageQuery(
      input,
      MODEL_VERSIONS_SCHEMA,
      {
        filter: {
          attribute: { name: 'm.name', source_path: 'v.source', run_id: 'v.run_id', version_number: 'v.version' },
          tag: {
            column: 't.value',
            template: `EXISTS (SELECT 1 FROM ${schema}.model_version_tags t WHERE t.version_id = v.id AND t.key = {key} AND {predicate})`,
          },
        },
        tagAbsent: {
          column: 't.value',
          template: `NOT EXISTS (SELECT 1 FROM ${schema}.model_version_tags t WHERE t.version_id = v.id AND t.key = {key} AND {predicate})`,
        },
        sort: {
          attribute: {
            name: 'm.name',
            version_number: 'v.version',
            creation_timestamp: 'v.created_at',
            last_updated_timestamp: 'v.updated_at',
          },
        },
      },
      { defaultMaxResults: VERSIONS_DEFAULT_MAX_RESULTS, maxMaxResults: VERSIONS_MAX_MAX_RESULTS },
    );
    const result = await this.database.db.executeQuery<VersionRow>(
      CompiledQuery.raw(
        `SELECT v.* FROM ${schema}.model_versions v JOIN ${schema}.registered_models m ON m.id = v.model_id
         WHERE ${query.where} ORDER BY ${query.orderBy} LIMIT ${query.limitPlaceholder} OFFSET ${query.offsetPlaceholder}`,
        [...query.params, query.limit + 1, query.offset],
      ),
    );
    return pageOf(result.rows, query);
  }
}
