import { BUILTIN_STEPS, BUILTIN_STEP_NAMES, isBuiltinStepName } from '../builtin-steps';
import type { BuiltinTask, StepTask } from '../pipeline';
import { childPath } from '../source/paths';
import type { SourceMapping } from '../source/source-node';
import type { Value } from '../values';
import type { ExpressionSite } from './drafts';
import { readKubernetesTask, readProcessTask } from './read-command-task';
import { readValue } from './read-value';
import { didYouMean } from './suggest';
import { entry, label, type SourceReader } from './source-reader';

const TASK_KEYS = ['uses', 'process', 'kubernetes'] as const;

/** What a step does: exactly one of `uses` (with `with`), `process` or `kubernetes`. */
export function readTask(
  reader: SourceReader,
  step: SourceMapping,
  path: string,
  sites: ExpressionSite[],
): StepTask | undefined {
  const present = TASK_KEYS.flatMap((key) => entry(step, key) ?? []);
  const first = present[0];
  if (!first) {
    reader.problems.add(`${label(path)} needs one of ${TASK_KEYS.join(', ')}`, path, step.start);
    return undefined;
  }
  const withEntry = entry(step, 'with');
  if (withEntry && first.key !== 'uses') {
    reader.problems.add(
      `'with' gives inputs to built-in steps (uses); pass values to ${first.key} through args and env`,
      childPath(path, 'with'),
      withEntry.keyStart,
    );
  }
  if (present.length > 1) {
    const keys = present.map((found) => found.key).join(' and ');
    reader.problems.add(
      `${label(path)} has ${keys}; a step does exactly one of them`,
      childPath(path, present[1]!.key),
      present[1]!.keyStart,
    );
    return undefined;
  }
  const taskPath = childPath(path, first.key);
  switch (first.key) {
    case 'uses':
      return readBuiltinTask(reader, step, path, sites);
    case 'process':
      return readProcessTask(reader, first.value, taskPath, sites);
    case 'kubernetes':
      return readKubernetesTask(reader, first.value, taskPath, sites);
    default:
      return undefined;
  }
}

function readBuiltinTask(
  reader: SourceReader,
  step: SourceMapping,
  path: string,
  sites: ExpressionSite[],
): BuiltinTask | undefined {
  const usesEntry = entry(step, 'uses')!;
  const usesPath = childPath(path, 'uses');
  const uses = reader.string(usesEntry.value, usesPath);
  if (!uses) return undefined;
  if (!isBuiltinStepName(uses.value)) {
    reader.problems.add(
      `unknown built-in step '${uses.value}'${didYouMean(uses.value, BUILTIN_STEP_NAMES)}; built-in steps are ${BUILTIN_STEP_NAMES.join(', ')}`,
      usesPath,
      uses.start,
    );
    return undefined;
  }
  const spec = BUILTIN_STEPS[uses.value];
  const withPath = childPath(path, 'with');
  const withEntry = entry(step, 'with');
  const inputs = withEntry ? reader.mapping(withEntry.value, withPath) : undefined;
  if (withEntry && !inputs) return undefined;
  if (inputs) reader.keys(inputs, withPath, [...spec.requiredInputs, ...spec.optionalInputs]);
  const missing = spec.requiredInputs.filter((input) => !inputs || !entry(inputs, input));
  if (missing.length > 0) {
    const where = inputs ? { path: withPath, start: inputs.start } : { path: usesPath, start: uses.start };
    reader.problems.add(
      `built-in step '${uses.value}' needs with.${missing.join(', with.')}`,
      where.path,
      where.start,
    );
  }
  const values: [string, Value][] = (inputs?.entries ?? []).map((input) => [
    input.key,
    readValue(input.value, childPath(withPath, input.key), sites, reader.problems),
  ]);
  return { kind: 'builtin', uses: uses.value, with: Object.fromEntries(values) };
}
