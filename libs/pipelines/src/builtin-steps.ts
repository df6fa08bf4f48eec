/** The inputs a built-in step accepts (`with:`) and the outputs later steps may reference. */
export interface BuiltinStepSpec {
  readonly requiredInputs: readonly string[];
  readonly optionalInputs: readonly string[];
  readonly outputs: readonly string[];
}

/**
 * The loop's own steps, executed by the orchestration service. Outputs are what the service
 * reports when a step succeeds; a definition may declare more (for example metrics of
 * `evaluate`) with `outputs:`.
 */
export const BUILTIN_STEPS = {
  'validate-data': {
    requiredInputs: ['dataset'],
    optionalInputs: ['schema', 'reference', 'checks'],
    outputs: ['dataset_uri', 'dataset_hash', 'row_count'],
  },
  train: {
    requiredInputs: ['dataset'],
    optionalInputs: ['experiment', 'features', 'hyperparameters'],
    outputs: ['run_id', 'model_uri'],
  },
  evaluate: {
    requiredInputs: ['model_uri', 'dataset'],
    optionalInputs: ['gates', 'baseline', 'run_id', 'model_name', 'version'],
    outputs: ['passed', 'metrics', 'report_uri'],
  },
  register: {
    requiredInputs: ['model_name', 'model_uri'],
    optionalInputs: ['run_id', 'dataset_hash', 'code_version', 'alias', 'tags'],
    outputs: ['version'],
  },
  'deploy-canary': {
    requiredInputs: ['model_name', 'version'],
    optionalInputs: ['traffic_steps', 'step_interval', 'guardrails'],
    outputs: ['deployment_id', 'healthy'],
  },
  promote: {
    requiredInputs: ['model_name', 'version'],
    optionalInputs: ['alias'],
    outputs: ['previous_version'],
  },
  'enroll-monitoring': {
    requiredInputs: ['model_name', 'version'],
    optionalInputs: ['reference', 'window', 'features'],
    outputs: ['monitor_id'],
  },
} as const satisfies Readonly<Record<string, BuiltinStepSpec>>;

export type BuiltinStepName = keyof typeof BUILTIN_STEPS;

export const BUILTIN_STEP_NAMES = Object.keys(BUILTIN_STEPS) as BuiltinStepName[];

export function isBuiltinStepName(name: string): name is BuiltinStepName {
  return Object.hasOwn(BUILTIN_STEPS, name);
}
