import type { KeyValue } from '../key-value';
import { invalidArgument } from '../tracking-error';

const FORBIDDEN_NAME_CHARACTERS = ['/', ':', '.', '%', '"', "'"];

/** MLflow's rule for logged model names: not empty, none of `/ : . % " '` (they break URIs). */
export function validateLoggedModelName(name: string | undefined): void {
  if (name === undefined) return;
  if (name === '' || FORBIDDEN_NAME_CHARACTERS.some((c) => name.includes(c))) {
    throw invalidArgument(
      `Invalid model name ('${name}') provided. Model name must be a non-empty string and cannot contain the following characters: ('/', ':', '.', '%', '"', "'")`,
    );
  }
}

/**
 * The last value of each key, in first-seen order: a repeated key in one request keeps the
 * last value, as MLflow's upsert of logged model tags does.
 */
export function lastValueByKey(pairs: readonly KeyValue[]): KeyValue[] {
  const byKey = new Map<string, string>();
  for (const { key, value } of pairs) byKey.set(key, value);
  return [...byKey].map(([key, value]) => ({ key, value }));
}
