import { MAX_DURATION_MS, formatDuration, parseDuration } from '../durations';
import { childPath } from '../source/paths';
import type { Problems } from '../source/problems';
import type {
  SourceEntry,
  SourceMapping,
  SourceNode,
  SourceScalar,
  SourceSequence,
} from '../source/source-node';
import { didYouMean } from './suggest';

export type StringScalar = SourceScalar & { readonly value: string };

/** A naming rule for a string field, with the words that explain it in an error. */
export interface NameRule {
  readonly pattern: RegExp;
  readonly description: string;
}

/**
 * Typed access to SourceNodes. Every method records a problem naming the path when the node
 * is not what the schema expects, and returns undefined so reading can go on and find more.
 */
export class SourceReader {
  constructor(readonly problems: Problems) {}

  mapping(node: SourceNode, path: string): SourceMapping | undefined {
    if (node.kind === 'mapping') return node;
    this.mismatch(node, path, 'a mapping');
    return undefined;
  }

  sequence(node: SourceNode, path: string): SourceSequence | undefined {
    if (node.kind === 'sequence') return node;
    this.mismatch(node, path, 'a list');
    return undefined;
  }

  string(node: SourceNode, path: string, rule?: NameRule): StringScalar | undefined {
    if (node.kind !== 'scalar' || typeof node.value !== 'string') {
      this.mismatch(node, path, 'a string');
      return undefined;
    }
    if (rule && !rule.pattern.test(node.value)) {
      this.problems.add(`${label(path)} '${node.value}' is not valid: ${rule.description}`, path, node.start);
      return undefined;
    }
    return node as StringScalar;
  }

  /** A string, or an unquoted number or boolean taken exactly as written (`--epochs: 10`). */
  text(node: SourceNode, path: string): StringScalar | undefined {
    if (
      node.kind === 'scalar' &&
      node.plain &&
      (typeof node.value === 'number' || typeof node.value === 'boolean')
    ) {
      return { ...node, value: node.text, valueStart: node.start };
    }
    return this.string(node, path);
  }

  number(
    node: SourceNode,
    path: string,
    bounds: { min: number; max: number; integer?: boolean },
  ): number | undefined {
    if (node.kind !== 'scalar' || typeof node.value !== 'number') {
      this.mismatch(node, path, 'a number');
      return undefined;
    }
    const { value } = node;
    if (
      !Number.isFinite(value) ||
      value < bounds.min ||
      value > bounds.max ||
      (bounds.integer && !Number.isInteger(value))
    ) {
      const kind = bounds.integer ? 'an integer' : 'a number';
      this.problems.add(
        `${label(path)} must be ${kind} from ${bounds.min} to ${bounds.max}, got ${node.text}`,
        path,
        node.start,
      );
      return undefined;
    }
    return value;
  }

  /** One of a fixed set of words. */
  choice<T extends string>(node: SourceNode, path: string, choices: readonly T[]): T | undefined {
    const scalar = this.string(node, path);
    if (!scalar) return undefined;
    if ((choices as readonly string[]).includes(scalar.value)) return scalar.value as T;
    this.problems.add(
      `${label(path)} must be one of ${choices.join(', ')}, got '${scalar.value}'${didYouMean(scalar.value, choices)}`,
      path,
      node.start,
    );
    return undefined;
  }

  boolean(node: SourceNode, path: string): boolean | undefined {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
    this.mismatch(node, path, 'true or false');
    return undefined;
  }

  /** A duration such as `30s`, `5m` or `1h30m`, in milliseconds, at least `minMs`. */
  duration(node: SourceNode, path: string, minMs: number): number | undefined {
    const scalar = this.text(node, path);
    if (!scalar) return undefined;
    const ms = parseDuration(scalar.value);
    if (ms === undefined) {
      this.problems.add(
        `${label(path)} must be a duration such as 30s, 5m or 1h30m (units ms, s, m, h, d; at most ${formatDuration(MAX_DURATION_MS)}), got '${scalar.value}'`,
        path,
        node.start,
      );
      return undefined;
    }
    if (ms < minMs) {
      this.problems.add(
        `${label(path)} must be at least ${formatDuration(minMs)}, got '${scalar.value}'`,
        path,
        node.start,
      );
      return undefined;
    }
    return ms;
  }

  /** Reports keys outside `allowed`, suggesting the closest allowed one. */
  keys(mapping: SourceMapping, path: string, allowed: readonly string[]): void {
    for (const entry of mapping.entries) {
      if (allowed.includes(entry.key)) continue;
      const where = path === '' ? 'at the top level' : `in ${path}`;
      this.problems.add(
        `unknown key '${entry.key}' ${where}${didYouMean(entry.key, allowed)}; expected one of ${allowed.join(', ')}`,
        childPath(path, entry.key),
        entry.keyStart,
      );
    }
  }

  /** Reads `key` with `read` when present; `read` gets the key's path. */
  optional<T>(
    mapping: SourceMapping,
    key: string,
    path: string,
    read: (node: SourceNode, path: string) => T | undefined,
  ): T | undefined {
    const found = entry(mapping, key);
    return found ? read(found.value, childPath(path, key)) : undefined;
  }

  /** The entry for `key`, reporting it as missing when absent. */
  required(mapping: SourceMapping, key: string, path: string): SourceEntry | undefined {
    const found = entry(mapping, key);
    if (!found) this.problems.add(`${label(path)} is missing the required key '${key}'`, path, mapping.start);
    return found;
  }

  private mismatch(node: SourceNode, path: string, expected: string): void {
    this.problems.add(`${label(path)} must be ${expected}, got ${describeNode(node)}`, path, node.start);
  }
}

export function entry(mapping: SourceMapping, key: string): SourceEntry | undefined {
  return mapping.entries.find((candidate) => candidate.key === key);
}

export function label(path: string): string {
  return path === '' ? 'the definition' : path;
}

function describeNode(node: SourceNode): string {
  switch (node.kind) {
    case 'mapping':
      return 'a mapping';
    case 'sequence':
      return 'a list';
    case 'scalar':
      if (node.value === null) return 'nothing';
      return typeof node.value === 'string'
        ? `the string '${node.value}'`
        : `${typeof node.value} ${node.text}`;
  }
}
