import { NUMERIC_COMPARATORS, STRING_COMPARATORS } from '../ast';
import { STRING_RULE } from './field-rules';
import type { SearchSchema } from './search-schema';

/** `search_model_versions`: `name='x' and version_number=3`, `run_id IN (...)`, tags. */
export const MODEL_VERSIONS_SCHEMA: SearchSchema = {
  name: 'modelVersions',
  prefixes: { attribute: 'attribute', tag: 'tag', tags: 'tag' },
  prefixNames: ['attribute', 'tag', 'tags'],
  entities: {
    tag: { kind: 'open', rule: STRING_RULE, sortable: false },
    attribute: {
      kind: 'closed',
      fields: {
        name: STRING_RULE,
        source_path: STRING_RULE,
        // MLflow takes IN but not NOT IN for model versions.
        run_id: { valueType: 'string', comparators: [...STRING_COMPARATORS, 'IN'] },
        version_number: {
          valueType: 'number',
          comparators: NUMERIC_COMPARATORS,
          integer: true,
          quotedNumbers: true,
        },
      },
      // Flywheel extension: `version` reads naturally and is the REST field's name.
      aliases: { version: 'version_number' },
      sortable: ['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'],
    },
  },
  defaultOrderBy: [],
  tieBreakers: [
    { entity: 'attribute', key: 'name', direction: 'ASC' },
    { entity: 'attribute', key: 'version_number', direction: 'DESC' },
  ],
};
