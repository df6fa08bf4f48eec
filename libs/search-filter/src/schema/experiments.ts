import { STRING_RULE, TIMESTAMP_RULE } from './field-rules';
import type { SearchSchema } from './search-schema';

/** `search_experiments`: name, creation and update times, tags. */
export const EXPERIMENTS_SCHEMA: SearchSchema = {
  name: 'experiments',
  prefixes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
  prefixNames: ['attribute', 'tag', 'tags'],
  entities: {
    tag: { kind: 'open', rule: STRING_RULE, sortable: false },
    attribute: {
      kind: 'closed',
      fields: { name: STRING_RULE, creation_time: TIMESTAMP_RULE, last_update_time: TIMESTAMP_RULE },
      aliases: {},
      sortable: ['name', 'experiment_id', 'creation_time', 'last_update_time'],
    },
  },
  defaultOrderBy: [
    { entity: 'attribute', key: 'creation_time', direction: 'DESC' },
    { entity: 'attribute', key: 'experiment_id', direction: 'ASC' },
  ],
  tieBreakers: [{ entity: 'attribute', key: 'experiment_id', direction: 'DESC' }],
};
