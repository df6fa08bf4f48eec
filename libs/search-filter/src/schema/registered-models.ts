import { STRING_RULE } from './field-rules';
import type { SearchSchema } from './search-schema';

/** `search_registered_models`: `name LIKE 'churn%'`, `tags.team = 'risk'`. */
export const REGISTERED_MODELS_SCHEMA: SearchSchema = {
  name: 'registeredModels',
  prefixes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
  prefixNames: ['attribute', 'tag', 'tags'],
  entities: {
    tag: { kind: 'open', rule: STRING_RULE, sortable: false },
    attribute: {
      kind: 'closed',
      fields: { name: STRING_RULE },
      // MLflow's SQL store sorts `timestamp` by the last update time.
      aliases: { timestamp: 'last_updated_timestamp' },
      sortable: ['name', 'creation_timestamp', 'last_updated_timestamp'],
    },
  },
  defaultOrderBy: [],
  tieBreakers: [{ entity: 'attribute', key: 'name', direction: 'ASC' }],
};
