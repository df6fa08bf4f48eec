import type { Comparison, Filter } from '../ast';
import type { SearchResult } from '../result';
import type { SearchSchema } from '../schema/search-schema';
import { captureFailure, SyntaxFailure } from '../syntax/syntax-failure';
import { tokenize } from '../syntax/tokenize';
import { describeToken, formatSet, ownValue, shorten } from '../messages';
import { MAX_SEARCH_TEXT_LENGTH } from './limits';
import { parseComparator } from './parse-comparator';
import { parseValue } from './parse-value';
import { resolveName } from './resolve-name';
import { isKeyword, TokenStream } from './token-stream';

/**
 * Parses an MLflow search filter (`metrics.rmse < 0.5 and params.model = 'xgb'`) against the
 * rules of one search endpoint. An empty or blank filter is the empty conjunction. Never
 * throws for bad input: the error names the problem and where it starts.
 */
export function parseFilter(text: string, schema: SearchSchema): SearchResult<Filter> {
  return captureFailure('filter', () => {
    if (text.length > MAX_SEARCH_TEXT_LENGTH) {
      throw new SyntaxFailure(
        `Filter is longer than ${MAX_SEARCH_TEXT_LENGTH} characters`,
        MAX_SEARCH_TEXT_LENGTH,
      );
    }
    return parseConjunction(text, new TokenStream(tokenize(text)), schema);
  });
}

function parseConjunction(text: string, stream: TokenStream, schema: SearchSchema): Filter {
  const comparisons: Comparison[] = [];
  if (stream.peek().kind === 'end') return comparisons;
  for (;;) {
    comparisons.push(parseComparison(stream, schema));
    const joiner = stream.peek();
    if (joiner.kind === 'end') return comparisons;
    if (!isKeyword(joiner, 'AND')) {
      const why = isKeyword(joiner, 'OR')
        ? 'OR is not supported: a search filter is comparisons joined by AND'
        : 'Expected AND between comparisons';
      throw new SyntaxFailure(
        `Invalid clause(s) in filter string: '${shorten(stream.rest(text))}'. ${why}`,
        joiner.position,
      );
    }
    stream.next();
  }
}

function parseComparison(stream: TokenStream, schema: SearchSchema): Comparison {
  const identifier = stream.next();
  if (identifier.kind !== 'name') {
    throw new SyntaxFailure(
      `Invalid comparison clause. Expected 'Identifier' found '${describeToken(identifier.raw)}'`,
      identifier.position,
    );
  }
  const name = resolveName(identifier, schema);
  const spec = name.spec;
  const rule = spec.kind === 'open' ? spec.rule : ownValue(spec.fields, name.key);
  if (!rule) {
    const valid = Object.keys(spec.kind === 'closed' ? spec.fields : {});
    const what = name.entity === 'dataset' ? 'dataset' : 'attribute';
    throw new SyntaxFailure(
      `Invalid ${what} key '${shorten(name.writtenKey)}' specified. Valid keys are '${formatSet(valid)}'`,
      identifier.position,
    );
  }
  const comparator = parseComparator(stream, name, rule);
  const value = parseValue(stream, comparator, name, rule);
  return { kind: 'comparison', entity: name.entity, key: name.key, comparator, value };
}
