import { parseCron } from '../cron/parse-cron';
import type { ParamSpec, Trigger } from '../pipeline';
import { childPath, itemPath } from '../source/paths';
import { offsetInScalar, type SourceNode } from '../source/source-node';
import type { ScalarValue } from '../values';
import { EVENT_TYPE } from './names';
import { readScalar } from './read-params';
import { didYouMean } from './suggest';
import { entry, label, type SourceReader } from './source-reader';

/** `triggers:` lists `{ event, filter?, params? }` and `{ schedule, params? }` items. */
export function readTriggers(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  params: readonly ParamSpec[],
): Trigger[] {
  const sequence = reader.sequence(node, path);
  if (!sequence) return [];
  return sequence.items.flatMap(
    (item, index) => readTrigger(reader, item, itemPath(path, index), params) ?? [],
  );
}

function readTrigger(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  params: readonly ParamSpec[],
): Trigger | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  reader.keys(mapping, path, ['event', 'filter', 'schedule', 'params']);
  const event = entry(mapping, 'event');
  const schedule = entry(mapping, 'schedule');
  const triggerParams =
    reader.optional(mapping, 'params', path, (value, at) => readTriggerParams(reader, value, at, params)) ??
    {};
  if (!event === !schedule) {
    reader.problems.add(
      `${label(path)} needs exactly one of event or schedule`,
      path,
      event && schedule ? schedule.keyStart : mapping.start,
    );
    return undefined;
  }
  const filterEntry = entry(mapping, 'filter');
  if (filterEntry && !event)
    reader.problems.add(
      "'filter' applies to event triggers only",
      childPath(path, 'filter'),
      filterEntry.keyStart,
    );
  if (schedule) {
    const cron = readSchedule(reader, schedule.value, childPath(path, 'schedule'));
    return cron === undefined ? undefined : { kind: 'schedule', schedule: cron, params: triggerParams };
  }
  const type = reader.string(event!.value, childPath(path, 'event'), EVENT_TYPE);
  const filter = reader.optional(mapping, 'filter', path, (value, at) => readFilter(reader, value, at)) ?? {};
  return type ? { kind: 'event', event: type.value, filter, params: triggerParams } : undefined;
}

function readSchedule(reader: SourceReader, node: SourceNode, path: string): string | undefined {
  const text = reader.string(node, path);
  if (!text) return undefined;
  const parsed = parseCron(text.value);
  if (parsed.ok) return text.value;
  reader.problems.add(
    `invalid cron schedule '${text.value}': ${parsed.error.message}`,
    path,
    offsetInScalar(text, parsed.error.offset),
  );
  return undefined;
}

/** Exact matches on event attributes, such as `model_name: churn`. */
function readFilter(reader: SourceReader, node: SourceNode, path: string): Record<string, string> {
  const mapping = reader.mapping(node, path);
  if (!mapping) return {};
  return Object.fromEntries(
    mapping.entries.flatMap(({ key, value }) => {
      const text = reader.text(value, childPath(path, key));
      return text ? [[key, text.value]] : [];
    }),
  );
}

/** Values for declared parameters that runs started by this trigger use. */
function readTriggerParams(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  params: readonly ParamSpec[],
): Record<string, ScalarValue> {
  const mapping = reader.mapping(node, path);
  if (!mapping) return {};
  const values: [string, ScalarValue][] = [];
  for (const { key, keyStart, value } of mapping.entries) {
    const at = childPath(path, key);
    const param = params.find((candidate) => candidate.name === key);
    if (!param) {
      const known = params.map((candidate) => candidate.name);
      reader.problems.add(
        `unknown parameter '${key}'${didYouMean(key, known)}; declared parameters: ${known.join(', ') || 'none'}`,
        at,
        keyStart,
      );
      continue;
    }
    const scalar = readScalar(reader, value, at, param.type);
    if (scalar !== undefined) values.push([key, scalar]);
  }
  return Object.fromEntries(values);
}
