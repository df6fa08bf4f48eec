import type { Comparator, FilterValue } from '../ast';
import { ENTITY_WORDS, type FieldRule } from '../schema/search-schema';
import { SyntaxFailure } from '../syntax/syntax-failure';
import type { Token } from '../syntax/token';
import { describeToken } from '../messages';
import type { ResolvedName } from './resolve-name';
import type { TokenStream } from './token-stream';

const QUOTED_INTEGER = /^-?\d+$/;

/** Reads the right-hand side: a number, a quoted string, or `('a', 'b')` after IN / NOT IN. */
export function parseValue(
  stream: TokenStream,
  comparator: Comparator,
  name: ResolvedName,
  rule: FieldRule,
): FilterValue {
  if (comparator === 'IN' || comparator === 'NOT IN') return parseStringList(stream, comparator);
  const token = stream.next();
  if (token.kind === 'punctuation' && token.raw === '(') {
    throw new SyntaxFailure(`A list of values needs IN or NOT IN, not '${comparator}'`, token.position);
  }
  return rule.valueType === 'number' ? numberValue(token, name, rule) : stringValue(token, name);
}

function numberValue(token: Token, name: ResolvedName, rule: FieldRule): number {
  const quoted = rule.quotedNumbers ? quotedText(token) : undefined;
  const value =
    token.kind === 'number'
      ? token.value
      : quoted !== undefined && QUOTED_INTEGER.test(quoted)
        ? Number(quoted)
        : undefined;
  if (value === undefined) {
    const what = name.entity === 'metric' ? 'metric' : `numeric attribute: ${name.key}`;
    throw new SyntaxFailure(
      `Expected numeric value type for ${what}. Found ${describeToken(token.raw)}`,
      token.position,
    );
  }
  if (rule.integer && !Number.isSafeInteger(value)) {
    throw new SyntaxFailure(
      `Expected an integer value for numeric attribute: ${name.key}. Found ${describeToken(token.raw)}`,
      token.position,
    );
  }
  return value;
}

function stringValue(token: Token, name: ResolvedName): string {
  const text = quotedText(token);
  if (text !== undefined) return text;
  const found = describeToken(token.raw);
  const message =
    name.entity === 'attribute'
      ? `Expected a quoted string value for attributes. Got value ${found}`
      : name.entity === 'dataset'
        ? `Expected a quoted string value for dataset attributes. Got value ${found}`
        : `Expected a quoted string value for ${ENTITY_WORDS[name.entity]} (e.g. 'my-value'). Got value ${found}`;
  throw new SyntaxFailure(message, token.position);
}

/** `'text'` or `"text"`: MLflow takes either quote for a single value. */
function quotedText(token: Token): string | undefined {
  if (token.kind === 'string') return token.value;
  const [segment, extra] = token.kind === 'name' ? token.segments : [];
  return segment?.quoting === 'double' && extra === undefined ? segment.text : undefined;
}

/** `('a', 'b')`: MLflow requires single quotes inside lists. */
function parseStringList(stream: TokenStream, comparator: Comparator): string[] {
  const open = stream.next();
  if (open.kind !== 'punctuation' || open.raw !== '(') {
    throw new SyntaxFailure(
      `Expected a list of quoted string values after ${comparator}, e.g. ('a', 'b'). Got value ${describeToken(open.raw)}`,
      open.position,
    );
  }
  const items: string[] = [];
  for (;;) {
    const item = stream.next();
    if (item.kind === 'punctuation' && item.raw === ')' && items.length === 0) {
      throw new SyntaxFailure(
        'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
        item.position,
      );
    }
    if (item.kind !== 'string') {
      throw new SyntaxFailure(
        'While parsing a list in the query, expected string value, punctuation, or whitespace, ' +
          `but got different type in list: ${describeToken(item.raw)}`,
        item.position,
      );
    }
    items.push(item.value);
    const separator = stream.next();
    if (separator.kind === 'punctuation' && separator.raw === ')') return items;
    if (separator.kind !== 'punctuation' || separator.raw !== ',') {
      throw new SyntaxFailure(
        'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.',
        separator.position,
      );
    }
  }
}
