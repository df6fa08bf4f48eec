import type { OrderBy } from '../ast';
import type { KeysetValue } from '../paging/page-token';
import { sortExpression } from './compile-order-by';
import { type CompileOptions, Placeholders, type SqlFragment } from './placeholders';
import type { SortSqlMapping } from './sql-mapping';

/**
 * Compiles "rows strictly after `after` in this ordering" for keyset pages, honouring each
 * term's direction and NULLS LAST: row r follows when, for some term i, r equals `after` on
 * every earlier term and sorts after it on term i. Use the complete ordering (with its
 * tie-breakers) so the position is unique; `after` holds one value per term.
 */
export function compileKeysetSql(
  orderBy: readonly OrderBy[],
  after: readonly KeysetValue[],
  mapping: SortSqlMapping,
  options: CompileOptions = {},
): SqlFragment {
  if (after.length !== orderBy.length) {
    throw new RangeError(`Keyset has ${after.length} values for ${orderBy.length} ordering terms`);
  }
  // Placeholders are handed out on first use: PostgreSQL rejects parameters the text never uses.
  const placeholders = new Placeholders(options);
  const expressions: string[] = [];
  const values: string[] = [];
  const expression = (index: number) =>
    (expressions[index] ??= sortExpression(orderBy[index] as OrderBy, mapping, placeholders));
  const value = (index: number) => (values[index] ??= placeholders.add(after[index]));
  const equal = (index: number) =>
    after[index] === null ? `${expression(index)} IS NULL` : `${expression(index)} = ${value(index)}`;

  const disjuncts: string[] = [];
  orderBy.forEach((term, index) => {
    // Nothing sorts strictly after a null: nulls come last and equal each other.
    if (after[index] === null) return;
    const beyond = term.direction === 'ASC' ? '>' : '<';
    const equalBefore = orderBy.slice(0, index).map((_, earlier) => equal(earlier));
    const following = `(${expression(index)} ${beyond} ${value(index)} OR ${expression(index)} IS NULL)`;
    disjuncts.push(equalBefore.length === 0 ? following : `(${[...equalBefore, following].join(' AND ')})`);
  });
  if (disjuncts.length === 0) return { sql: 'FALSE', params: [] };
  return { sql: `(${disjuncts.join(' OR ')})`, params: placeholders.params };
}
