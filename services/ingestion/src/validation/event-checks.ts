/** Latest event time accepted: DateTime64(3) and the partition key stay meaningful before it. */
export const MAX_TIMESTAMP_MS = Date.UTC(2200, 0, 1);

/** A problem text when `value` is not a positive epoch-millisecond time ClickHouse can store. */
export function timestampProblem(field: string, value: number): string | undefined {
  if (!Number.isSafeInteger(value) || value <= 0) return `${field} must be a positive epoch-millisecond time, got ${value}`;
  if (value >= MAX_TIMESTAMP_MS) return `${field} ${value} is after 2200-01-01`;
  return undefined;
}

/** A problem text for the first non-finite value of a number map (NaN and infinities have no JSON form). */
export function nonFiniteProblem(field: string, values: Readonly<Record<string, number>>): string | undefined {
  // for-in rather than Object.entries: this runs for every feature of every record.
  for (const name in values) {
    const value = values[name];
    if (name === '') return `${field} has an empty name`;
    if (value === undefined || !Number.isFinite(value)) return `${field}.${name} must be a finite number, got ${value}`;
  }
  return undefined;
}

/** A problem text when a required text field is empty. */
export function requiredProblem(field: string, value: string): string | undefined {
  return value.trim() === '' ? `${field} is required` : undefined;
}
