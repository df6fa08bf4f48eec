import type { OrderBy, SortDirection } from '../ast';
import type { SearchResult } from '../result';
import type { SearchSchema } from '../schema/search-schema';
import { captureFailure, SyntaxFailure } from '../syntax/syntax-failure';
import type { NameToken, Token } from '../syntax/token';
import { tokenize } from '../syntax/tokenize';
import { formatSet, shorten } from '../messages';
import { MAX_SEARCH_TEXT_LENGTH } from './limits';
import { resolveName } from './resolve-name';
import { isKeyword, TokenStream } from './token-stream';

/**
 * Parses MLflow `order_by` clauses (`metrics.rmse DESC`, `start_time`, ascending by default).
 * Errors name the clause as `order_by[i]` with a position inside that clause.
 */
export function parseOrderBy(clauses: readonly string[], schema: SearchSchema): SearchResult<OrderBy[]> {
  const orderBy: OrderBy[] = [];
  for (const [index, clause] of clauses.entries()) {
    const parsed = captureFailure(`order_by[${index}]`, () => parseClause(clause, schema));
    if (!parsed.ok) return parsed;
    orderBy.push(parsed.value);
  }
  return { ok: true, value: orderBy };
}

function parseClause(clause: string, schema: SearchSchema): OrderBy {
  if (clause.length > MAX_SEARCH_TEXT_LENGTH) throw unparsable(clause, MAX_SEARCH_TEXT_LENGTH);
  const stream = new TokenStream(tokenize(clause));
  const identifier = stream.next();
  if (identifier.kind !== 'name') throw unparsable(clause, identifier.position);
  const direction = parseDirection(clause, stream.next());
  const trailing = stream.next();
  if (trailing.kind !== 'end') throw unparsable(clause, trailing.position);
  return { ...sortField(identifier, schema), direction };
}

function parseDirection(clause: string, token: Token): SortDirection {
  if (token.kind === 'end' || isKeyword(token, 'ASC')) return 'ASC';
  if (isKeyword(token, 'DESC')) return 'DESC';
  if (token.kind !== 'name') throw unparsable(clause, token.position);
  throw new SyntaxFailure(`Invalid ordering key in order_by clause '${shorten(clause)}'.`, token.position);
}

function unparsable(clause: string, position: number): SyntaxFailure {
  return new SyntaxFailure(`Invalid order_by clause '${shorten(clause)}'. Could not be parsed.`, position);
}

function sortField(identifier: NameToken, schema: SearchSchema): Omit<OrderBy, 'direction'> {
  const name = resolveName(identifier, schema);
  const spec = name.spec;
  const sortable = spec.kind === 'open' ? spec.sortable : spec.sortable.length > 0;
  if (!sortable)
    throw new SyntaxFailure(`Invalid order_by entity type '${name.entity}'`, identifier.position);
  if (spec.kind === 'closed' && !spec.sortable.includes(name.key)) {
    throw new SyntaxFailure(
      `Invalid ${name.entity} key '${shorten(name.writtenKey)}' specified. Valid keys are '${formatSet(spec.sortable)}'`,
      identifier.position,
    );
  }
  return { entity: name.entity, key: name.key };
}

/**
 * The ordering a query runs with: the requested terms (or the endpoint's default when there
 * are none) followed by the endpoint's tie-breakers not already present, so rows never tie
 * and offset or keyset pages are stable.
 */
export function completeOrderBy(orderBy: readonly OrderBy[], schema: SearchSchema): OrderBy[] {
  const terms = orderBy.length > 0 ? [...orderBy] : [...schema.defaultOrderBy];
  for (const breaker of schema.tieBreakers) {
    if (!terms.some((term) => term.entity === breaker.entity && term.key === breaker.key))
      terms.push(breaker);
  }
  return terms;
}
