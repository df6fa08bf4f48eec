import { invalidArgument } from '../domain/tracking-error';

/** The run tag MLflow 2.x keeps the models logged by a run in, as a JSON list. */
export const LOGGED_MODELS_TAG = 'mlflow.log-model.history';

const REQUIRED_FIELDS = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'];

/** Parses the `model_json` of MLflow's log-model request, refusing it as MLflow does. */
export function parseModelJson(modelJson: string): Record<string, unknown> {
  let model: unknown;
  try {
    model = JSON.parse(modelJson);
  } catch {
    throw invalidArgument(`Malformed model info. \n ${modelJson} \n is not a valid JSON.`);
  }
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    throw invalidArgument(`Malformed model info. \n ${modelJson} \n is not a valid JSON.`);
  }
  const missing = REQUIRED_FIELDS.filter((field) => !(field in model));
  if (missing.length > 0) {
    throw invalidArgument(
      `Model json is missing mandatory fields: {${missing.map((f) => `'${f}'`).join(', ')}}`,
    );
  }
  return model as Record<string, unknown>;
}

/** The tag value with `model` appended to the history already recorded (if any). */
export function appendedHistory(current: string | undefined, model: Record<string, unknown>): string {
  const history: unknown = current === undefined ? [] : JSON.parse(current);
  return JSON.stringify([...(Array.isArray(history) ? (history as unknown[]) : []), model]);
}
