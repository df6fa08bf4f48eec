import { containsTemplate } from '../expressions/template';
import { childPath, itemPath } from '../source/paths';
import type { Problems } from '../source/problems';
import type { SourceNode } from '../source/source-node';
import type { Value } from '../values';
import type { ExpressionSite } from './drafts';
import { label, type StringScalar } from './source-reader';

/**
 * Converts free-form input values (`with:`), noting every string with placeholders. Values must
 * be JSON (they reach step runners and run records as JSON): a number YAML reads as infinite or
 * NaN (`1e999`, `.inf`, `.nan`) is a located problem, not a value that would become `null`.
 */
export function readValue(
  node: SourceNode,
  path: string,
  sites: ExpressionSite[],
  problems: Problems,
): Value {
  switch (node.kind) {
    case 'scalar':
      if (typeof node.value === 'string' && containsTemplate(node.value)) {
        sites.push({ scalar: node as StringScalar, path, role: 'template' });
      }
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        problems.add(`${label(path)} must be a finite number, got ${node.text}`, path, node.start);
      }
      return node.value;
    case 'sequence':
      return node.items.map((item, index) => readValue(item, itemPath(path, index), sites, problems));
    case 'mapping':
      // fromEntries defines own properties, so a key such as __proto__ stays plain data.
      return Object.fromEntries(
        node.entries.map((entry) => [
          entry.key,
          readValue(entry.value, childPath(path, entry.key), sites, problems),
        ]),
      );
  }
}
