/** Schema-qualified names of the tracking tables, for SQL text. */
export interface TrackingTables {
  experiments: string;
  experimentTags: string;
  runs: string;
  params: string;
  runTags: string;
  metrics: string;
  latestMetrics: string;
  datasets: string;
  runInputs: string;
  runInputTags: string;
  runEventOutbox: string;
  loggedModels: string;
  loggedModelParams: string;
  loggedModelTags: string;
  loggedModelMetrics: string;
  runModelOutputs: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The table names in `schema`. Identifiers cannot be bound as parameters, so the schema is the
 * one name written into SQL; only plain lower-case identifiers (safe unquoted) are accepted.
 */
export function trackingTables(schema: string): TrackingTables {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`tracking schema must be a plain identifier, got "${schema}"`);
  const table = (name: string) => `${schema}.${name}`;
  return Object.freeze({
    experiments: table('experiments'),
    experimentTags: table('experiment_tags'),
    runs: table('runs'),
    params: table('params'),
    runTags: table('run_tags'),
    metrics: table('metrics'),
    latestMetrics: table('latest_metrics'),
    datasets: table('datasets'),
    runInputs: table('run_inputs'),
    runInputTags: table('run_input_tags'),
    runEventOutbox: table('run_event_outbox'),
    loggedModels: table('logged_models'),
    loggedModelParams: table('logged_model_params'),
    loggedModelTags: table('logged_model_tags'),
    loggedModelMetrics: table('logged_model_metrics'),
    runModelOutputs: table('run_model_outputs'),
  });
}
