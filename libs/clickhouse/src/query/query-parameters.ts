import type { TupleParam } from '@clickhouse/client';

/** A value bound to a `{name:Type}` placeholder; ClickHouse parses it as that Type. */
export type QueryParamValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | Date
  | TupleParam
  | readonly QueryParamValue[]
  | { readonly [key: string]: QueryParamValue };

/** Drops text before a stray `{` (e.g. a `'{'` literal) that precedes the real placeholder. */
type PlaceholderName<N extends string> = N extends `${string}{${infer Inner}` ? PlaceholderName<Inner> : N;

/** The names of the `{name:Type}` placeholders in a SQL literal type (tail-recursive). */
export type ParamNames<
  S extends string,
  Found extends string = never,
> = S extends `${string}{${infer Name}:${string}}${infer Rest}`
  ? ParamNames<Rest, Found | PlaceholderName<Name>>
  : Found;

/** Exactly one value per placeholder of `S`. */
export type QueryParams<S extends string> = { readonly [K in ParamNames<S>]: QueryParamValue };

/**
 * `S` itself when it is a literal (or a union of literals); otherwise a message type that no
 * string satisfies. `string` and template types with `${string}` holes fail the check, which
 * keeps run-time values out of SQL text at compile time: for those, `Record<S, 1>` is an
 * index signature that the empty object satisfies, while a literal needs its property.
 */
export type LiteralSql<S extends string> =
  Record<never, never> extends Record<S, 1>
    ? 'SQL must be a string literal with {name:Type} placeholders; annotate the result (const rows: Row[] = await queryRows(...)) instead of passing a type argument'
    : S;

const PLACEHOLDER = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*:[^{}]+\}/g;

/** Throws when `params` holds a value no placeholder of `sql` uses (usually a typo). */
export function assertParamsUsed(sql: string, params: Readonly<Record<string, unknown>>): void {
  const used = new Set(Array.from(sql.matchAll(PLACEHOLDER), (match) => match[1]));
  const unused = Object.keys(params).filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw new Error(`query parameter(s) ${unused.join(', ')} have no {name:Type} placeholder in the SQL`);
  }
}

/**
 * Dates become Unix seconds with milliseconds, the form `@clickhouse/client` sends over HTTP;
 * chDB's binder would otherwise drop the milliseconds. Other values pass through.
 */
export function normalizeParams(params: Readonly<Record<string, QueryParamValue>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, normalizeValue(value)]));
}

function normalizeValue(value: QueryParamValue): unknown {
  if (value instanceof Date) return formatUnixTime(value);
  if (Array.isArray(value)) return value.map((item: QueryParamValue) => normalizeValue(item));
  return value;
}

function formatUnixTime(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000).toString();
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? seconds : `${seconds}.${millis.toString().padStart(3, '0')}`;
}
