import { invalidArgument } from '../domain/registry-error';

/** An MLflow request's fields: the query string (GET) and the JSON body (POST, PATCH, DELETE) together. */
export type MlflowInput = Readonly<Record<string, unknown>>;

export function mlflowInput(request: { query?: unknown; body?: unknown }): MlflowInput {
  const query = isRecord(request.query) ? request.query : {};
  const body = isRecord(request.body) ? request.body : {};
  return { ...query, ...body };
}

/** A required string field; MLflow's wording for a missing one. */
export function requiredString(input: MlflowInput, field: string): string {
  const value = input[field];
  if (typeof value === 'string' && value !== '') return value;
  if (value === undefined || value === null || value === '') {
    throw invalidArgument(field, `Missing value for required parameter '${field}'`);
  }
  throw invalidArgument(field, `expected a string, got ${JSON.stringify(value)}`);
}

export function optionalString(input: MlflowInput, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidArgument(field, `expected a string, got ${JSON.stringify(value)}`);
  return value;
}

/** Repeated query parameters arrive as arrays, single ones as strings, JSON bodies as arrays. */
export function stringList(input: MlflowInput, field: string): string[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) => {
    if (typeof item !== 'string') throw invalidArgument(`${field}[${i}]`, 'expected a string');
    return item;
  });
}

export function optionalInteger(input: MlflowInput, field: string): number | undefined {
  const value = input[field];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw invalidArgument(field, `expected an integer, got ${JSON.stringify(value)}`);
  return number;
}

export function optionalBoolean(input: MlflowInput, field: string): boolean {
  const value = input[field];
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw invalidArgument(field, `expected true or false, got ${JSON.stringify(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
