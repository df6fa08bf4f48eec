import type { Comparator, Comparison, Filter, FilterValue } from '../ast';
import { type CompileOptions, Placeholders, type SqlFragment } from './placeholders';
import {
  checkColumn,
  checkTemplate,
  type FilterSqlMapping,
  type FilterTarget,
  fillTemplate,
  isOpenEntity,
  SqlMappingError,
} from './sql-mapping';

/**
 * Compiles a parsed filter into a PostgreSQL boolean expression for a WHERE clause. Keys and
 * values only ever become `$n` parameters; the SQL text is built from the mapping's
 * whitelisted columns and templates alone. An empty filter compiles to `TRUE`.
 */
export function compileFilterSql(
  filter: Filter,
  mapping: FilterSqlMapping,
  options: CompileOptions = {},
): SqlFragment {
  const placeholders = new Placeholders(options);
  if (filter.length === 0) return { sql: 'TRUE', params: [] };
  const terms = filter.map((comparison) => `(${compileComparison(comparison, mapping, placeholders)})`);
  return { sql: terms.join(' AND '), params: placeholders.params };
}

function compileComparison(
  comparison: Comparison,
  mapping: FilterSqlMapping,
  placeholders: Placeholders,
): string {
  const where = `${comparison.entity} '${comparison.key}'`;
  const open = isOpenEntity(comparison.entity);
  const target = filterTarget(comparison, mapping);
  const column = checkColumn(target.column, where);
  const key = open ? placeholders.add(comparison.key) : undefined;
  const predicate = predicateSql(column, comparison.comparator, comparison.value, placeholders);
  if (target.template === undefined) {
    if (open) throw new SqlMappingError(`${where}: ${comparison.entity} targets need a template with {key}`);
    return predicate;
  }
  checkTemplate(target.template, { key: open ? 1 : 0, predicate: 1 }, where);
  return fillTemplate(target.template, { key, predicate });
}

function filterTarget(comparison: Comparison, mapping: FilterSqlMapping): FilterTarget {
  const { entity, key } = comparison;
  const found = isOpenEntity(entity)
    ? mapping[entity]
    : Object.hasOwn(mapping[entity] ?? {}, key)
      ? mapping[entity]?.[key]
      : undefined;
  if (found === undefined) throw new SqlMappingError(`No SQL mapping for ${entity} '${key}'`);
  return typeof found === 'string' ? { column: found } : found;
}

function predicateSql(
  column: string,
  comparator: Comparator,
  value: FilterValue,
  placeholders: Placeholders,
): string {
  const list = typeof value === 'object' ? [...value] : undefined;
  if ((list !== undefined) !== (comparator === 'IN' || comparator === 'NOT IN')) {
    throw new TypeError(`Comparator ${comparator} does not fit a ${list ? 'list' : 'single'} value`);
  }
  const parameter = placeholders.add(list ?? value);
  switch (comparator) {
    case '=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'LIKE':
    case 'ILIKE':
      return `${column} ${comparator} ${parameter}`;
    case '!=':
      return `${column} <> ${parameter}`;
    case 'IN':
      return `${column} = ANY(${parameter})`;
    case 'NOT IN':
      return `${column} <> ALL(${parameter})`;
  }
}
