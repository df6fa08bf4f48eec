import type { CST } from 'yaml';

/**
 * Where the concrete syntax tree first nests deeper than `limit` collections, if it does.
 * The yaml package composes documents recursively, and deep enough input (`- - - - ...`)
 * exhausts the stack in a way that can abort the process, so this runs first, iteratively.
 */
export function firstTooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  const pending: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (pending.length > 0) {
    const { token, depth } = pending.pop()!;
    if (depth > limit) return token.offset;
    if (token.type === 'document' && token.value) pending.push({ token: token.value, depth });
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
