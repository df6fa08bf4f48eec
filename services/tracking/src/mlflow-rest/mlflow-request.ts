import type { FastifyRequest } from 'fastify';
import type { KeyValue } from '../domain/key-value';
import { MlflowError } from './mlflow-error';
import { UnparsableBody } from './request-body';

type Fields = Record<string, unknown>;

const API_DOCS = ' See the API docs for more information about request parameters.';

/**
 * The fields of an MLflow request: the JSON body of a POST, the query string of a GET (where
 * every value is a string and repeated fields repeat the parameter). Reading a field checks its
 * type and answers INVALID_PARAMETER_VALUE with MLflow's message when it does not fit.
 */
export class MlflowRequest {
  private constructor(
    private readonly fields: Fields,
    private readonly fromQuery: boolean,
    /** Path of these fields in the request, for messages: `metrics[2]`. */
    private readonly prefix = '',
  ) {}

  static of(request: FastifyRequest): MlflowRequest {
    if (request.method === 'GET') return new MlflowRequest((request.query ?? {}) as Fields, true);
    const body: unknown = request.body ?? {};
    if (body instanceof UnparsableBody)
      throw new MlflowError('BAD_REQUEST', `Malformed JSON request body: ${body.reason}`);
    if (typeof body !== 'object' || Array.isArray(body) || body === null) {
      throw new MlflowError('BAD_REQUEST', 'The request body must be a JSON object');
    }
    return new MlflowRequest(body as Fields, false);
  }

  requiredString(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined || value === '') throw missing(this.path(name));
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.single(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw invalidType(this.path(name), value);
    return value;
  }

  /** `run_id`, or the deprecated `run_uuid` older clients send. */
  runId(): string {
    const runId = this.optionalString('run_id') || this.optionalString('run_uuid');
    if (!runId) throw missing('run_id');
    return runId;
  }

  /** An int64: a JSON number or a decimal string (proto3 JSON and query strings). */
  optionalInteger(name: string): number | undefined {
    const value = this.single(name);
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number))
      throw invalidType(this.path(name), value);
    return number;
  }

  requiredInteger(name: string): number {
    const value = this.optionalInteger(name);
    if (value === undefined) throw missing(this.path(name));
    return value;
  }

  /** A double: a number, a numeric string, or "NaN", "Infinity", "-Infinity" as proto3 JSON writes them. */
  requiredDouble(name: string): number {
    const value = this.single(name);
    if (value === undefined || value === null || value === '') throw missing(this.path(name));
    const number = doubleOf(value);
    if (number === undefined) throw invalidType(this.path(name), value);
    return number;
  }

  /** A bool: JSON true/false, or "true"/"false" in a query string. */
  optionalBoolean(name: string): boolean | undefined {
    const value = this.single(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (this.fromQuery && typeof value === 'string' && /^(true|false)$/i.test(value))
      return value.toLowerCase() === 'true';
    throw invalidType(this.path(name), value);
  }

  /** A repeated string field; in a query string, a parameter given once is a list of one. */
  stringList(name: string): string[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    const list = this.fromQuery && typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      throw invalidType(this.path(name), value);
    }
    return list;
  }

  /** A repeated `{ key, value }` field (tags, params); `key` is required, `value` defaults to "". */
  keyValues(name: string): KeyValue[] {
    return this.messages(name).map((item) => ({
      key: item.requiredString('key'),
      value: item.optionalString('value') ?? '',
    }));
  }

  /** A repeated message field, each item readable like the request itself. */
  messages(name: string): MlflowRequest[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every(isObject)) throw invalidType(this.path(name), value);
    return value.map((item, index) => new MlflowRequest(item, false, `${this.path(name)}[${index}]`));
  }

  requiredMessage(name: string): MlflowRequest {
    const message = this.message(name);
    if (!message) throw missing(this.path(name));
    return message;
  }

  /** A message field, readable like the request itself; undefined when absent. */
  message(name: string): MlflowRequest | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) throw invalidType(this.path(name), value);
    return new MlflowRequest(value, false, this.path(name));
  }

  /** An enum field by value name (`"FINISHED"`), as MLflow's JSON writes enums; numbers map through `byNumber`. */
  optionalEnum<T extends string>(name: string, names: readonly T[], byNumber: readonly T[]): T | undefined {
    const value = this.single(name);
    if (value === undefined || value === null) return undefined;
    const found =
      typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
        ? byNumber[Number(value) - 1]
        : names.find((candidate) => candidate === value);
    if (found === undefined) throw invalidType(this.path(name), value);
    return found;
  }

  private path(name: string): string {
    return this.prefix === '' ? name : `${this.prefix}.${name}`;
  }

  private single(name: string): unknown {
    const value = this.fields[name];
    return this.fromQuery && Array.isArray(value) ? value[value.length - 1] : value;
  }
}

export function doubleOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function missing(path: string): MlflowError {
  return new MlflowError(
    'INVALID_PARAMETER_VALUE',
    `Missing value for required parameter '${path}'.${API_DOCS}`,
  );
}

export function invalidType(path: string, value: unknown): MlflowError {
  return new MlflowError(
    'INVALID_PARAMETER_VALUE',
    `Invalid value ${JSON.stringify(value)} for parameter '${path}' supplied. Hint: Value was of type '${pythonType(value)}'.${API_DOCS}`,
  );
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The Python type name MLflow's hint shows for a JSON value. */
function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  return 'dict';
}
