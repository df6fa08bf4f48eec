import { EXPERIMENTS_SCHEMA } from './experiments';
import { MODEL_VERSIONS_SCHEMA } from './model-versions';
import { REGISTERED_MODELS_SCHEMA } from './registered-models';
import { RUNS_SCHEMA } from './runs';
import type { SearchSchema } from './search-schema';

/** The search endpoints whose MLflow filter rules this library knows. */
export const SEARCH_SCHEMAS = {
  runs: RUNS_SCHEMA,
  experiments: EXPERIMENTS_SCHEMA,
  registeredModels: REGISTERED_MODELS_SCHEMA,
  modelVersions: MODEL_VERSIONS_SCHEMA,
} as const satisfies Record<string, SearchSchema>;
