import type { Comparison, Entity, Filter, FilterValue, OrderBy } from '../ast';

const PLAIN_KEY = /^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*$/u;
const PLAIN_WORD = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const PREFIXES: Readonly<Record<Entity, string>> = {
  metric: 'metrics',
  param: 'params',
  tag: 'tags',
  attribute: 'attribute',
  dataset: 'datasets',
};

/**
 * Prints a filter in canonical MLflow syntax; `parseFilter(printFilter(f))` gives `f` back.
 * Attributes print bare (`status = 'FINISHED'`), which every search endpoint accepts.
 */
export function printFilter(filter: Filter): string {
  return filter.map(printComparison).join(' AND ');
}

export function printComparison(comparison: Comparison): string {
  return `${printName(comparison.entity, comparison.key)} ${comparison.comparator} ${printValue(comparison.value)}`;
}

/** `metrics.rmse DESC`: one order_by clause. */
export function printOrderBy(orderBy: OrderBy): string {
  return `${printName(orderBy.entity, orderBy.key)} ${orderBy.direction}`;
}

function printName(entity: Entity, key: string): string {
  if (entity === 'attribute' && PLAIN_WORD.test(key)) return key;
  const printedKey = PLAIN_KEY.test(key) ? key : `\`${key.replaceAll('`', '``')}\``;
  return `${PREFIXES[entity]}.${printedKey}`;
}

function printValue(value: FilterValue): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot print the non-finite filter value ${value}`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  return `(${value.map(quote).join(', ')})`;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
