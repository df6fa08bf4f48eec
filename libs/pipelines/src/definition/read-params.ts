import type { ParamSpec, ParamType } from '../pipeline';
import { childPath } from '../source/paths';
import type { SourceNode } from '../source/source-node';
import type { ScalarValue } from '../values';
import { IDENTIFIER } from './names';
import { readDescription } from './read-step';
import { entry, label, type SourceReader } from './source-reader';

const PARAM_TYPES: readonly ParamType[] = ['string', 'number', 'boolean'];

/**
 * `params:` maps each name to its default (`min_auc: 0.8`, type inferred) or to
 * `{ type, default, description }`; a parameter without a default must be given at run time.
 */
export function readParams(reader: SourceReader, node: SourceNode, path: string): ParamSpec[] {
  const mapping = reader.mapping(node, path);
  if (!mapping) return [];
  const params: ParamSpec[] = [];
  for (const { key, keyStart, value } of mapping.entries) {
    const at = childPath(path, key);
    if (!IDENTIFIER.pattern.test(key)) {
      reader.problems.add(`parameter name '${key}' is not valid: ${IDENTIFIER.description}`, at, keyStart);
      continue;
    }
    const param =
      value.kind === 'scalar' ? readShorthand(reader, key, value, at) : readFull(reader, key, value, at);
    if (param) params.push(param);
  }
  return params;
}

function readShorthand(
  reader: SourceReader,
  name: string,
  node: SourceNode,
  path: string,
): ParamSpec | undefined {
  if (node.kind === 'scalar' && node.value === null) {
    reader.problems.add(`${path} needs a default value or a mapping with a type`, path, node.start);
    return undefined;
  }
  const value = readScalar(reader, node, path, undefined);
  return value === undefined ? undefined : { name, type: typeOf(value), default: value };
}

function readFull(reader: SourceReader, name: string, node: SourceNode, path: string): ParamSpec | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  reader.keys(mapping, path, ['type', 'default', 'description']);
  const declared = reader.optional(mapping, 'type', path, (value, at) =>
    reader.choice(value, at, PARAM_TYPES),
  );
  const defaultValue = reader.optional(mapping, 'default', path, (value, at) =>
    readScalar(reader, value, at, declared),
  );
  const description = readDescription(reader, mapping, path);
  if (!entry(mapping, 'type') && !entry(mapping, 'default')) {
    reader.problems.add(`${label(path)} needs a type or a default`, path, mapping.start);
  }
  const type = declared ?? (defaultValue === undefined ? undefined : typeOf(defaultValue));
  if (!type) return undefined;
  return { name, type, ...(defaultValue !== undefined && { default: defaultValue }), ...description };
}

/** A parameter value: a string, a finite number or a boolean, of `type` when given. */
export function readScalar(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  type: ParamType | undefined,
): Exclude<ScalarValue, null> | undefined {
  const value = node.kind === 'scalar' ? node.value : null;
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
    reader.problems.add(`${path} must be a string, a finite number or a boolean`, path, node.start);
    return undefined;
  }
  if (type && typeOf(value) !== type) {
    reader.problems.add(
      `${path} must be a ${type}, got ${typeOf(value)} ${JSON.stringify(value)}`,
      path,
      node.start,
    );
    return undefined;
  }
  return value;
}

function typeOf(value: Exclude<ScalarValue, null>): ParamType {
  return typeof value as ParamType;
}
