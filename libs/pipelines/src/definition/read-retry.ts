import { formatDuration } from '../durations';
import type { RetryPolicy } from '../pipeline';
import { childPath } from '../source/paths';
import type { SourceNode } from '../source/source-node';
import { entry, label, type SourceReader } from './source-reader';

const MAX_RETRY_LIMIT = 100;

/**
 * `retry: 3` or `retry: { limit, backoff, factor, max_backoff, jitter }`. Fields left out
 * keep the values of `base` (the pipeline's `defaults.retry`, else the built-in defaults).
 */
export function readRetry(
  reader: SourceReader,
  node: SourceNode,
  path: string,
  base: RetryPolicy,
): RetryPolicy {
  if (node.kind === 'scalar' && typeof node.value === 'number') {
    return { ...base, limit: readLimit(reader, node, path) ?? base.limit };
  }
  if (node.kind !== 'mapping') {
    reader.problems.add(
      `${label(path)} must be a number of retries or a mapping with limit, backoff, factor, max_backoff, jitter`,
      path,
      node.start,
    );
    return base;
  }
  reader.keys(node, path, ['limit', 'backoff', 'factor', 'max_backoff', 'jitter']);
  const policy: RetryPolicy = {
    limit: reader.optional(node, 'limit', path, (value, at) => readLimit(reader, value, at)) ?? base.limit,
    backoffMs:
      reader.optional(node, 'backoff', path, (value, at) => reader.duration(value, at, 0)) ?? base.backoffMs,
    factor:
      reader.optional(node, 'factor', path, (value, at) => reader.number(value, at, { min: 1, max: 10 })) ??
      base.factor,
    maxBackoffMs:
      reader.optional(node, 'max_backoff', path, (value, at) => reader.duration(value, at, 0)) ??
      base.maxBackoffMs,
    jitter:
      reader.optional(node, 'jitter', path, (value, at) => reader.number(value, at, { min: 0, max: 1 })) ??
      base.jitter,
  };
  if (policy.maxBackoffMs < policy.backoffMs) {
    const culprit = entry(node, 'max_backoff') ?? entry(node, 'backoff')!;
    reader.problems.add(
      `${childPath(path, 'max_backoff')} (${formatDuration(policy.maxBackoffMs)}) must not be shorter than backoff (${formatDuration(policy.backoffMs)})`,
      childPath(path, culprit.key),
      culprit.value.start,
    );
  }
  return policy;
}

function readLimit(reader: SourceReader, node: SourceNode, path: string): number | undefined {
  return reader.number(node, path, { min: 0, max: MAX_RETRY_LIMIT, integer: true });
}
