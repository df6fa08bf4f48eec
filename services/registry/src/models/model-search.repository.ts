import { CompiledQuery } from 'kysely';
import { REGISTERED_MODELS_SCHEMA } from '@flywheel/search-filter';
import type { RegistryDatabase } from '../db/registry-database';
import { compilePageQuery, pageOf, type SearchInput } from '../search/search-page';
import type { ModelRow } from './models.repository';

export const MODELS_DEFAULT_MAX_RESULTS = 100;
export const MODELS_MAX_MAX_RESULTS = 1_000;

/** MLflow's `search_registered_models` over `registered_models`, parameterized SQL only. */
export class ModelSearchRepository {
  constructor(private readonly database: RegistryDatabase) {}

  async search(input: SearchInput): Promise<{ rows: ModelRow[]; nextPageToken: string | undefined }> {
    const schema = this.database.qualifiedSchema;
    const query = compilePageQuery(
      input,
      REGISTERED_MODELS_SCHEMA,
      {
        filter: {
          attribute: { name: 'm.name' },
          tag: {
            column: 't.value',
            template: `EXISTS (SELECT 1 FROM ${schema}.registered_model_tags t WHERE t.model_id = m.id AND t.key = {key} AND {predicate})`,
          },
        },
        tagAbsent: {
          column: 't.value',
          template: `NOT EXISTS (SELECT 1 FROM ${schema}.registered_model_tags t WHERE t.model_id = m.id AND t.key = {key} AND {predicate})`,
        },
        sort: { attribute: { name: 'm.name', creation_timestamp: 'm.created_at', last_updated_timestamp: 'm.updated_at' } },
      },
      { defaultMaxResults: MODELS_DEFAULT_MAX_RESULTS, maxMaxResults: MODELS_MAX_MAX_RESULTS },
    );
    const result = await this.database.db.executeQuery<ModelRow>(
      CompiledQuery.raw(
        `SELECT m.* FROM ${schema}.registered_models m WHERE ${query.where}
         ORDER BY ${query.orderBy} LIMIT ${query.limitPlaceholder} OFFSET ${query.offsetPlaceholder}`,
        [...query.params, query.limit + 1, query.offset],
      ),
    );
    return pageOf(result.rows, query);
  }
}
