import { isAlias, isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { childPath, itemPath } from './paths';
import type { Problems } from './problems';
import type { SourceEntry, SourceNode, SourceScalar } from './source-node';

/** Converts composed YAML nodes to SourceNodes, refusing what definitions do not use. */
export class YamlConverter {
  constructor(
    private readonly text: string,
    private readonly problems: Problems,
  ) {}

  /** Recursion is bounded: readYaml refuses anything nested deeper than MAX_DEPTH first. */
  convert(node: unknown, path: string): SourceNode | undefined {
    const start = rangeStart(node);
    if (isScalar(node)) return this.scalar(node, path, start);
    if (isMap(node)) {
      const entries: SourceEntry[] = [];
      for (const pair of node.items) {
        const keyStart = rangeStart(pair.key, start);
        const keyValue: unknown = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof keyValue !== 'string' && typeof keyValue !== 'number' && typeof keyValue !== 'boolean') {
          this.problems.add('keys must be plain names', path, keyStart);
          continue;
        }
        const key = String(keyValue);
        const value = pair.value === null ? nullAt(keyStart) : this.convert(pair.value, childPath(path, key));
        if (value) entries.push({ key, keyStart, value });
      }
      return { kind: 'mapping', entries, start };
    }
    if (isSeq(node)) {
      const items: SourceNode[] = [];
      node.items.forEach((item, index) => {
        const converted = item === null ? nullAt(start) : this.convert(item, itemPath(path, index));
        if (converted) items.push(converted);
      });
      return { kind: 'sequence', items, start };
    }
    if (isAlias(node)) {
      this.problems.add(
        `aliases (*${node.source}) are not supported; write the value out or use 'defaults'`,
        path,
        start,
      );
      return undefined;
    }
    this.problems.add('unsupported YAML construct', path, start);
    return undefined;
  }

  private scalar(node: Scalar, path: string, start: number): SourceScalar | undefined {
    const { value } = node;
    if (
      value !== null &&
      typeof value !== 'string' &&
      typeof value !== 'number' &&
      typeof value !== 'boolean'
    ) {
      this.problems.add('unsupported YAML value; use a string, number, boolean or null', path, start);
      return undefined;
    }
    const text = node.range ? this.text.slice(node.range[0], node.range[1]) : String(value);
    return {
      kind: 'scalar',
      value,
      text,
      plain: node.type === 'PLAIN',
      start,
      valueStart: valueStart(node, text, start),
    };
  }
}

/** Where the value's characters begin in the source, when they are copied verbatim. */
function valueStart(node: Scalar, text: string, start: number): number | undefined {
  if (typeof node.value !== 'string') return undefined;
  if (node.type === 'PLAIN' && text === node.value) return start;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted && text.slice(1, -1) === node.value) return start + 1;
  return undefined;
}

function nullAt(start: number): SourceScalar {
  return { kind: 'scalar', value: null, text: '', plain: true, start, valueStart: undefined };
}

function rangeStart(node: unknown, fallback = 0): number {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[0] ?? fallback;
}
