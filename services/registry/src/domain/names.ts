import { invalidArgument } from './registry-error';

// Model names travel as Kafka keys, in `models:/<name>/<version>` URIs and in URL query
// strings, so `/`, `@`, `:` and control characters are out; letters of any script are in.
const MODEL_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.\- ]*$/u;
export const MAX_MODEL_NAME_LENGTH = 256;

// MLflow's alias rule (`^[\w\-]*$`, at most 255), minus the names MLflow reserves for URIs.
const ALIAS = /^[A-Za-z0-9_-]+$/;
export const MAX_ALIAS_LENGTH = 255;
const RESERVED_ALIAS = /^(latest|v\d+)$/i;

export const MAX_TAG_KEY_LENGTH = 250;
export const MAX_TAG_VALUE_LENGTH = 100_000;
export const MAX_DESCRIPTION_LENGTH = 100_000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** @throws RegistryError (invalid_argument) naming `field` and the rule broken. */
export function assertModelName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || name === '') throw invalidArgument(field, 'a registered model name is required');
  if (name.length > MAX_MODEL_NAME_LENGTH) {
    throw invalidArgument(field, `must be at most ${MAX_MODEL_NAME_LENGTH} characters, got ${name.length}`);
  }
  if (!MODEL_NAME.test(name) || name.endsWith(' ')) {
    throw invalidArgument(
      field,
      `invalid registered model name ${JSON.stringify(name)}: use letters, digits, '_', '-', '.' and spaces, starting with a letter, digit or '_' and not ending with a space`,
    );
  }
  return name;
}

export function assertAlias(alias: unknown, field = 'alias'): string {
  if (typeof alias !== 'string' || alias === '') throw invalidArgument(field, 'an alias is required');
  if (alias.length > MAX_ALIAS_LENGTH || !ALIAS.test(alias)) {
    throw invalidArgument(
      field,
      `invalid alias ${JSON.stringify(alias)}: use 1-${MAX_ALIAS_LENGTH} letters, digits, '_' or '-'`,
    );
  }
  if (RESERVED_ALIAS.test(alias)) {
    throw invalidArgument(field, `alias ${JSON.stringify(alias)} is reserved ('latest' and 'v<number>' name versions)`);
  }
  return alias;
}

export function assertTagKey(key: unknown, field = 'key'): string {
  if (typeof key !== 'string' || key === '') throw invalidArgument(field, 'a tag key is required');
  if (key.length > MAX_TAG_KEY_LENGTH) {
    throw invalidArgument(field, `must be at most ${MAX_TAG_KEY_LENGTH} characters, got ${key.length}`);
  }
  if (CONTROL.test(key)) throw invalidArgument(field, 'must not contain control characters');
  return key;
}

export function assertTagValue(value: unknown, field = 'value'): string {
  if (typeof value !== 'string') throw invalidArgument(field, 'a tag value (string) is required');
  if (value.length > MAX_TAG_VALUE_LENGTH) {
    throw invalidArgument(field, `must be at most ${MAX_TAG_VALUE_LENGTH} characters, got ${value.length}`);
  }
  return value;
}

export function assertDescription(value: unknown, field = 'description'): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalidArgument(field, 'must be a string');
  if (value.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidArgument(field, `must be at most ${MAX_DESCRIPTION_LENGTH} characters, got ${value.length}`);
  }
  return value;
}

/** Version numbers arrive as numbers (gRPC) or decimal strings (MLflow REST). */
export function parseVersionNumber(value: unknown, field = 'version'): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9][0-9]{0,9}$/.test(text) || Number(text) > 2_147_483_647) {
    throw invalidArgument(field, `expected a version number (a positive integer), got ${JSON.stringify(value)}`);
  }
  return Number(text);
}
