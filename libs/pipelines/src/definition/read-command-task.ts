import type { KubernetesResources, KubernetesTask, ProcessTask } from '../pipeline';
import { childPath } from '../source/paths';
import type { SourceNode } from '../source/source-node';
import type { ExpressionSite } from './drafts';
import { readEnv, readStringList, readTemplatedText, type Placeholders } from './read-strings';
import type { NameRule, SourceReader } from './source-reader';

// Parameters come from whoever triggers a run; letting them choose the program or image
// would let any trigger run arbitrary code, so those fields are fixed at registration.
const FIXED: Placeholders = {
  allowed: false,
  why: 'what runs is fixed when an admin registers the definition',
};
const LITERAL: Placeholders = { allowed: false, why: 'write the quantity itself' };
const COMMAND: NameRule = { pattern: /\S/, description: 'name the program to run' };
const IMAGE: NameRule = {
  pattern: /^\S+$/,
  description: 'use an image reference without spaces, such as ghcr.io/acme/train:1.4',
};
const CPU: NameRule = {
  pattern: /^(?:\d+(?:\.\d+)?|\d+m)$/,
  description: 'use a Kubernetes CPU quantity such as 2, 0.5 or 500m',
};
const MEMORY: NameRule = {
  pattern: /^\d+(?:\.\d+)?(?:Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/,
  description: 'use a Kubernetes memory quantity such as 512Mi or 4Gi',
};

export function readProcessTask(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  sites: ExpressionSite[],
): ProcessTask | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  reader.keys(mapping, path, ['command', 'args', 'env']);
  const templated: Placeholders = { allowed: true, sites };
  const commandEntry = reader.required(mapping, 'command', path);
  const command =
    commandEntry && readTemplatedText(reader, commandEntry.value, childPath(path, 'command'), FIXED, COMMAND);
  const args = reader.optional(mapping, 'args', path, (value, at) =>
    readStringList(reader, value, at, templated),
  );
  const env = reader.optional(mapping, 'env', path, (value, at) => readEnv(reader, value, at, templated));
  if (command === undefined) return undefined;
  return { kind: 'process', command, args: args ?? [], env: env ?? {} };
}

export function readKubernetesTask(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  sites: ExpressionSite[],
): KubernetesTask | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  reader.keys(mapping, path, ['image', 'command', 'args', 'env', 'resources']);
  const templated: Placeholders = { allowed: true, sites };
  const imageEntry = reader.required(mapping, 'image', path);
  const image =
    imageEntry && readTemplatedText(reader, imageEntry.value, childPath(path, 'image'), FIXED, IMAGE);
  const command = reader.optional(mapping, 'command', path, (value, at) =>
    readStringList(reader, value, at, FIXED),
  );
  const args = reader.optional(mapping, 'args', path, (value, at) =>
    readStringList(reader, value, at, templated),
  );
  const env = reader.optional(mapping, 'env', path, (value, at) => readEnv(reader, value, at, templated));
  const resources = reader.optional(mapping, 'resources', path, (value, at) =>
    readResources(reader, value, at),
  );
  if (image === undefined) return undefined;
  return {
    kind: 'kubernetes',
    image,
    command: command ?? [],
    args: args ?? [],
    env: env ?? {},
    resources: resources ?? {},
  };
}

function readResources(
  reader: SourceReader,
  node: SourceNode,
  path: string,
): KubernetesResources | undefined {
  const mapping = reader.mapping(node, path);
  if (!mapping) return undefined;
  reader.keys(mapping, path, ['cpu', 'memory', 'gpu']);
  const cpu = reader.optional(mapping, 'cpu', path, (value, at) =>
    readTemplatedText(reader, value, at, LITERAL, CPU),
  );
  const memory = reader.optional(mapping, 'memory', path, (value, at) =>
    readTemplatedText(reader, value, at, LITERAL, MEMORY),
  );
  const gpu = reader.optional(mapping, 'gpu', path, (value, at) =>
    reader.number(value, at, { min: 0, max: 64, integer: true }),
  );
  return {
    ...(cpu !== undefined && { cpu }),
    ...(memory !== undefined && { memory }),
    ...(gpu !== undefined && { gpu }),
  };
}
