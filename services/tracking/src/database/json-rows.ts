import type { KeyValue } from '../domain/key-value';

/** `json_agg(json_build_array(key, value))` as pg returns it (null when there were no rows). */
export type KeyValueRows = [string, string][] | null;

export function keyValuesOf(rows: KeyValueRows): KeyValue[] {
  return (rows ?? []).map(([key, value]) => ({ key, value }));
}

/** `bigint` columns arrive as decimal strings; epoch milliseconds fit a JS number exactly. */
export function millis(value: string | number): number {
  return Number(value);
}

/**
 * A `double precision` read as text (`value::text`): PostgreSQL prints the shortest exact
 * decimal, and `NaN`, `Infinity`, `-Infinity`, which JSON numbers cannot carry.
 */
export function doubleOf(text: string): number {
  return Number(text);
}
