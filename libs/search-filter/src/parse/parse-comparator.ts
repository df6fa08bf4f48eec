import type { Comparator } from '../ast';
import type { FieldRule } from '../schema/search-schema';
import { SyntaxFailure } from '../syntax/syntax-failure';
import type { Token } from '../syntax/token';
import { describeToken, formatSet, shorten } from '../messages';
import type { ResolvedName } from './resolve-name';
import { isKeyword, type TokenStream } from './token-stream';

/** Reads a comparator (`<=`, `LIKE`, `not in`, ...) and checks the field accepts it. */
export function parseComparator(stream: TokenStream, name: ResolvedName, rule: FieldRule): Comparator {
  const token = stream.next();
  const written = readComparator(stream, token);
  const comparator = rule.comparators.find((allowed) => allowed === written);
  if (comparator) return comparator;
  throw new SyntaxFailure(rejection(written, name, rule), token.position);
}

function readComparator(stream: TokenStream, token: Token): string {
  if (token.kind === 'operator') return token.raw;
  for (const word of ['LIKE', 'ILIKE', 'IN']) if (isKeyword(token, word)) return word;
  if (isKeyword(token, 'NOT')) {
    const following = stream.next();
    if (isKeyword(following, 'IN')) return 'NOT IN';
    throw new SyntaxFailure(
      `Invalid comparator 'NOT ${describeToken(following.raw)}'. Did you mean NOT IN?`,
      token.position,
    );
  }
  throw new SyntaxFailure(
    `Invalid comparison clause. Expected comparison found '${describeToken(token.raw)}'`,
    token.position,
  );
}

function rejection(written: string, name: ResolvedName, rule: FieldRule): string {
  const spec = name.spec;
  if ((written === 'IN' || written === 'NOT IN') && spec.kind === 'closed') {
    const listKeys = Object.entries(spec.fields)
      .filter(([, field]) => field.comparators.some((allowed) => allowed === written))
      .map(([key]) => `'${key}'`);
    if (listKeys.length > 0) {
      return `Only the ${listKeys.join(', ')} ${name.entity} supports comparison with a list of quoted string values.`;
    }
  }
  return `Invalid comparator '${shorten(written)}' not one of '${formatSet(rule.comparators)}'`;
}
