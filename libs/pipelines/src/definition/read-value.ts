import { containsTemplate } from '../expressions/template';
import { childPath, itemPath } from '../source/paths';
import type { SourceNode } from '../source/source-node';
import type { Value } from '../values';
import type { ExpressionSite } from './drafts';
import type { StringScalar } from './source-reader';

/** Converts free-form input values (`with:`), noting every string with placeholders. */
export function readValue(node: SourceNode, path: string, sites: ExpressionSite[]): Value {
  switch (node.kind) {
    case 'scalar':
      if (typeof node.value === 'string' && containsTemplate(node.value)) {
        sites.push({ scalar: node as StringScalar, path, role: 'template' });
      }
      return node.value;
    case 'sequence':
      return node.items.map((item, index) => readValue(item, itemPath(path, index), sites));
    case 'mapping':
      // fromEntries defines own properties, so a key such as __proto__ stays plain data.
      return Object.fromEntries(
        node.entries.map((entry) => [entry.key, readValue(entry.value, childPath(path, entry.key), sites)]),
      );
  }
}
