import { invalidArgument } from '../domain/tracking-error';
import type { ParamConflict } from './run-data.repository';

/** MLflow's refusal of a changed param: one-param wording for log-parameter, a list for log-batch. */
export function paramConflictError(runId: string, conflicts: readonly ParamConflict[], single: boolean) {
  const [first] = conflicts;
  if (single && conflicts.length === 1 && first) {
    return invalidArgument(
      `Changing param values is not allowed. Param with key='${first.key}' was already logged with value='${first.oldValue}' for run ID='${runId}'. Attempted logging new value '${first.newValue}'.`,
    );
  }
  const listed = conflicts.map((c) => ({ key: c.key, old_value: c.oldValue, new_value: c.newValue }));
  return invalidArgument(
    `Changing param values is not allowed. Params were already logged='${JSON.stringify(listed)}' for run ID='${runId}'.`,
  );
}
