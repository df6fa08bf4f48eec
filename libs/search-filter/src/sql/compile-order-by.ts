import type { OrderBy } from '../ast';
import { type CompileOptions, Placeholders, type SqlFragment } from './placeholders';
import {
  checkColumn,
  checkTemplate,
  fillTemplate,
  isOpenEntity,
  type SortSqlMapping,
  SqlMappingError,
} from './sql-mapping';

/**
 * Compiles an ordering (use `completeOrderBy` first) into the list after `ORDER BY`. Nulls sort
 * last in both directions, as in MLflow; metric/param/tag keys travel as parameters.
 */
export function compileOrderBySql(
  orderBy: readonly OrderBy[],
  mapping: SortSqlMapping,
  options: CompileOptions = {},
): SqlFragment {
  if (orderBy.length === 0) throw new RangeError('An ordering needs at least one term; use completeOrderBy');
  const placeholders = new Placeholders(options);
  const terms = orderBy.map(
    (term) => `${sortExpression(term, mapping, placeholders)} ${term.direction} NULLS LAST`,
  );
  return { sql: terms.join(', '), params: placeholders.params };
}

/** The SQL value a term sorts on; a key placeholder is allocated for metrics, params and tags. */
export function sortExpression(term: OrderBy, mapping: SortSqlMapping, placeholders: Placeholders): string {
  const where = `order by ${term.entity} '${term.key}'`;
  if (isOpenEntity(term.entity)) {
    const template = mapping[term.entity];
    if (template === undefined) throw new SqlMappingError(`No SQL mapping for ${where}`);
    checkTemplate(template, { key: 1, predicate: 0 }, where);
    return fillTemplate(template, { key: placeholders.add(term.key) });
  }
  const attributes = term.entity === 'attribute' ? (mapping.attribute ?? {}) : {};
  const column = Object.hasOwn(attributes, term.key) ? attributes[term.key] : undefined;
  if (column === undefined) throw new SqlMappingError(`No SQL mapping for ${where}`);
  return checkColumn(column, where);
}
