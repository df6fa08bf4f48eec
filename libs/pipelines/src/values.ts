/** A scalar as YAML and expressions know it. */
export type ScalarValue = string | number | boolean | null;

/** Any JSON-shaped value: parameters, step inputs and step outputs. */
export type Value = ScalarValue | readonly Value[] | { readonly [key: string]: Value };

export function isValueObject(value: Value | undefined): value is { readonly [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the kind of a value for error messages: "a string", "a list", ... */
export function describeValue(value: Value | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string '${value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return 'an object';
}
