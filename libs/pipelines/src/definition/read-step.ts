import { BUILTIN_STEPS } from '../builtin-steps';
import type { RetryPolicy, StepTask } from '../pipeline';
import { childPath, itemPath } from '../source/paths';
import type { SourceMapping, SourceNode } from '../source/source-node';
import type { DependencySite, ExpressionSite, StepDraft } from './drafts';
import { IDENTIFIER, STEP_NAME } from './names';
import { readRetry } from './read-retry';
import { readTask } from './read-task';
import { entry, type SourceReader } from './source-reader';

const STEP_KEYS = [
  'name',
  'description',
  'uses',
  'with',
  'process',
  'kubernetes',
  'depends_on',
  'when',
  'retry',
  'timeout',
  'cache',
  'outputs',
];

/** Retry and timeout every step starts from (`defaults:` in the definition). */
export interface StepDefaults {
  readonly retry: RetryPolicy;
  readonly timeoutMs?: number;
}

export function readStep(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  defaults: StepDefaults,
  isExitHandler: boolean,
): StepDraft | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  reader.keys(mapping, path, STEP_KEYS);
  const nameEntry = reader.required(mapping, 'name', path);
  const namePath = childPath(path, 'name');
  const name = nameEntry && reader.string(nameEntry.value, namePath, STEP_NAME);
  const expressions: ExpressionSite[] = [];
  const task = readTask(reader, mapping, path, expressions);
  const when = reader.optional(mapping, 'when', path, (value, at) => {
    const condition = reader.text(value, at);
    if (condition) expressions.push({ scalar: condition, path: at, role: 'condition' });
    return condition?.value;
  });
  const dependsOn = entry(mapping, 'depends_on');
  if (dependsOn && isExitHandler) {
    reader.problems.add(
      'the exit handler runs after every step; it takes no depends_on',
      childPath(path, 'depends_on'),
      dependsOn.keyStart,
    );
  }
  const declaredOutputs =
    reader.optional(mapping, 'outputs', path, (value, at) => readNames(reader, value, at, 'output')) ?? [];
  return {
    path,
    ...(name && { name: { value: name.value, start: name.start, path: namePath } }),
    ...readDescription(reader, mapping, path),
    ...(task && { task }),
    dependencies:
      dependsOn && !isExitHandler
        ? readDependencies(reader, dependsOn.value, childPath(path, 'depends_on'))
        : [],
    ...(when !== undefined && { when }),
    retry:
      reader.optional(mapping, 'retry', path, (value, at) => readRetry(reader, value, at, defaults.retry)) ??
      defaults.retry,
    ...timeout(
      reader.optional(mapping, 'timeout', path, (value, at) => reader.duration(value, at, 1)) ??
        defaults.timeoutMs,
    ),
    cache: reader.optional(mapping, 'cache', path, (value, at) => reader.boolean(value, at)) ?? false,
    outputs: [...new Set([...builtinOutputs(task), ...declaredOutputs.map((output) => output.name)])],
    expressions,
  };
}

export function readDescription(
  reader: SourceReader,
  mapping: SourceMapping,
  path: string,
): { description?: string } {
  const description = reader.optional(
    mapping,
    'description',
    path,
    (value, at) => reader.string(value, at)?.value,
  );
  return description === undefined ? {} : { description };
}

/** `depends_on: [a, b]`, or `depends_on: a` for one. */
function readDependencies(reader: SourceReader, node: SourceNode, path: string): DependencySite[] {
  if (node.kind === 'scalar' && typeof node.value === 'string')
    return [{ name: node.value, path, start: node.start }];
  return readNames(reader, node, path, 'dependency');
}

/** A list of distinct names; a repeated one is reported where it repeats. */
function readNames(reader: SourceReader, node: SourceNode, path: string, what: string): DependencySite[] {
  const sequence = reader.sequence(node, path);
  if (!sequence) return [];
  const names: DependencySite[] = [];
  sequence.items.forEach((item, index) => {
    const at = itemPath(path, index);
    const scalar = reader.string(item, at, what === 'output' ? IDENTIFIER : undefined);
    if (!scalar) return;
    if (names.some((existing) => existing.name === scalar.value)) {
      reader.problems.add(`${what} '${scalar.value}' is listed twice in ${path}`, at, scalar.start);
      return;
    }
    names.push({ name: scalar.value, path: at, start: scalar.start });
  });
  return names;
}

function builtinOutputs(task: StepTask | undefined): readonly string[] {
  return task?.kind === 'builtin' ? BUILTIN_STEPS[task.uses].outputs : [];
}

function timeout(timeoutMs: number | undefined): { timeoutMs?: number } {
  return timeoutMs === undefined ? {} : { timeoutMs };
}
