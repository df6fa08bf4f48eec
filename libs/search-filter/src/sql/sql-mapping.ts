import type { Entity } from '../ast';

/** Where a searchable field lives, for WHERE clauses. */
export interface FilterTarget {
  /** The column the comparison applies to: a plain, optionally qualified identifier (`m.value`). */
  readonly column: string;
  /**
   * SQL around the comparison: `{predicate}` marks where the comparison on `column` goes and,
   * for metrics, params and tags, `{key}` where the key's placeholder goes, e.g.
   * `EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = {key} AND {predicate})`.
   * Omitted for a column of the searched row itself.
   */
  readonly template?: string;
}

/** The caller's schema for `compileFilterSql`; a bare string is shorthand for `{ column }`. */
export interface FilterSqlMapping {
  readonly metric?: FilterTarget;
  readonly param?: FilterTarget;
  readonly tag?: FilterTarget;
  readonly attribute?: Readonly<Record<string, FilterTarget | string>>;
  readonly dataset?: Readonly<Record<string, FilterTarget | string>>;
}

/**
 * The caller's schema for ORDER BY and keyset predicates: a column per attribute, and for
 * metrics, params and tags an expression with `{key}`, e.g.
 * `(SELECT m.value FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = {key})`.
 */
export interface SortSqlMapping {
  readonly metric?: string;
  readonly param?: string;
  readonly tag?: string;
  readonly attribute?: Readonly<Record<string, string>>;
}

/** A programming error: the mapping does not cover a field the schema accepts, or is unsafe. */
export class SqlMappingError extends Error {
  override readonly name = 'SqlMappingError';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Statement separators, comments and numbered placeholders have no business in a template. */
const FORBIDDEN_IN_TEMPLATE = /;|--|\/\*|\$\d/;

export function isOpenEntity(entity: Entity): entity is 'metric' | 'param' | 'tag' {
  return entity === 'metric' || entity === 'param' || entity === 'tag';
}

export function checkColumn(column: string, where: string): string {
  if (!IDENTIFIER.test(column))
    throw new SqlMappingError(`${where}: '${column}' is not a plain SQL identifier`);
  return column;
}

/** Checks a template has each slot the expected number of times and nothing dangerous. */
export function checkTemplate(
  template: string,
  slots: Readonly<Record<'key' | 'predicate', 0 | 1>>,
  where: string,
): string {
  if (FORBIDDEN_IN_TEMPLATE.test(template)) {
    throw new SqlMappingError(`${where}: templates may not contain ';', comments or $n placeholders`);
  }
  for (const [slot, expected] of Object.entries(slots)) {
    const count = template.split(`{${slot}}`).length - 1;
    if (count !== expected)
      throw new SqlMappingError(`${where}: expected {${slot}} ${expected} time(s), found ${count}`);
  }
  return template;
}

/** Replaces `{key}` and `{predicate}` in one pass, so inserted text is never rescanned. */
export function fillTemplate(
  template: string,
  values: Readonly<Partial<Record<'key' | 'predicate', string>>>,
): string {
  return template.replace(/\{(key|predicate)\}/g, (slot, name: 'key' | 'predicate') => values[name] ?? slot);
}
