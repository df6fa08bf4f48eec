import { DEFAULT_RETRY, PIPELINE_API_VERSION, type ConcurrencyPolicy, type ParamSpec } from '../pipeline';
import { itemPath } from '../source/paths';
import type { SourceMapping, SourceNode } from '../source/source-node';
import type { PipelineDraft, StepDraft } from './drafts';
import { PIPELINE_NAME } from './names';
import { readParams } from './read-params';
import { readRetry } from './read-retry';
import { readDescription, readStep, type StepDefaults } from './read-step';
import { readTriggers } from './read-triggers';
import type { SourceReader } from './source-reader';

const PIPELINE_KEYS = [
  'apiVersion',
  'kind',
  'name',
  'description',
  'params',
  'concurrency',
  'triggers',
  'defaults',
  'steps',
  'on_exit',
];
const CONCURRENCY: readonly ConcurrencyPolicy[] = ['allow', 'forbid', 'replace'];
/** Checks and scheduling are quadratic in the step count at worst; this keeps both instant. */
export const MAX_STEPS = 500;

/** Reads the whole document, recording every schema problem; cross-step checks come after. */
export function readPipeline(reader: SourceReader, root: SourceNode): PipelineDraft | undefined {
  const mapping = reader.mapping(root, '');
  if (!mapping) return undefined;
  reader.keys(mapping, '', PIPELINE_KEYS);
  readConstant(reader, mapping, 'apiVersion', PIPELINE_API_VERSION);
  readConstant(reader, mapping, 'kind', 'Pipeline');
  const nameEntry = reader.required(mapping, 'name', '');
  const name = nameEntry && reader.string(nameEntry.value, 'name', PIPELINE_NAME);
  const params: ParamSpec[] =
    reader.optional(mapping, 'params', '', (value, at) => readParams(reader, value, at)) ?? [];
  const defaults = reader.optional(mapping, 'defaults', '', (value, at) =>
    readDefaults(reader, value, at),
  ) ?? { retry: DEFAULT_RETRY };
  const stepsEntry = reader.required(mapping, 'steps', '');
  return {
    ...(name && { name: name.value }),
    ...readDescription(reader, mapping, ''),
    params,
    concurrency:
      reader.optional(mapping, 'concurrency', '', (value, at) => reader.choice(value, at, CONCURRENCY)) ??
      'allow',
    triggers:
      reader.optional(mapping, 'triggers', '', (value, at) => readTriggers(reader, value, at, params)) ?? [],
    steps: stepsEntry ? readSteps(reader, stepsEntry.value, 'steps', defaults) : [],
    ...optionalExitHandler(
      reader.optional(mapping, 'on_exit', '', (value, at) => readStep(reader, value, at, defaults, true)),
    ),
  };
}

function readConstant(reader: SourceReader, mapping: SourceMapping, key: string, expected: string): void {
  const found = reader.required(mapping, key, '');
  if (!found) return;
  const value = reader.string(found.value, key);
  if (value && value.value !== expected) {
    reader.problems.add(`${key} must be '${expected}', got '${value.value}'`, key, value.start);
  }
}

function readDefaults(reader: SourceReader, node: SourceNode, path: string): StepDefaults {
  const mapping = reader.mapping(node, path);
  if (!mapping) return { retry: DEFAULT_RETRY };
  reader.keys(mapping, path, ['retry', 'timeout']);
  const retry =
    reader.optional(mapping, 'retry', path, (value, at) => readRetry(reader, value, at, DEFAULT_RETRY)) ??
    DEFAULT_RETRY;
  const timeoutMs = reader.optional(mapping, 'timeout', path, (value, at) => reader.duration(value, at, 1));
  return timeoutMs === undefined ? { retry } : { retry, timeoutMs };
}

function readSteps(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  defaults: StepDefaults,
): StepDraft[] {
  const sequence = reader.sequence(node, path);
  if (!sequence) return [];
  if (sequence.items.length === 0)
    reader.problems.add('steps must list at least one step', path, sequence.start);
  if (sequence.items.length > MAX_STEPS) {
    reader.problems.add(
      `steps lists ${sequence.items.length} steps; a pipeline has at most ${MAX_STEPS}`,
      path,
      sequence.start,
    );
    return [];
  }
  return sequence.items.flatMap(
    (item, index) => readStep(reader, item, itemPath(path, index), defaults, false) ?? [],
  );
}

function optionalExitHandler(onExit: StepDraft | undefined): { onExit?: StepDraft } {
  return onExit ? { onExit } : {};
}
