/** MLflow's wording for a bad value: `Invalid value "x" for parameter 'path' supplied: why`. */
export function invalidValue(path: string, value: unknown, why: string): string {
  return `Invalid value ${JSON.stringify(value) ?? String(value)} for parameter '${path}' supplied: ${why}`;
}

export function missingValue(path: string): string {
  return `Missing value for required parameter '${path}'.`;
}

export function exceedsMaximumLength(label: string, limit: number): string {
  return `'${label}' exceeds the maximum length of ${limit} characters`;
}

/** `metrics[3]` + `name` → `metrics[3].name`; an empty base leaves the field alone. */
export function fieldPath(base: string, field: string): string {
  return base === '' ? field : `${base}.${field}`;
}
