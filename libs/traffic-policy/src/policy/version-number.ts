import { describeValue } from './describe-value';

/** Why `value` is not a registry version (a positive integer), or undefined when it is one. */
export function versionProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'is required';
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return `must be a positive integer registry version, got ${describeValue(value)}`;
  }
  return undefined;
}
