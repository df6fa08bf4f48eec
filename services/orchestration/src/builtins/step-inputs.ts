import { type Value, parseDuration } from '@flywheel/pipelines';
import { StepFailure } from './builtin-step-handler';

/** Typed access to a built-in step's resolved `with` inputs; a wrong one fails the step without retry, naming it. */
export class StepInputs {
  constructor(
    private readonly step: string,
    private readonly input: Readonly<Record<string, Value>>,
  ) {}

  string(name: string): string {
    const value = this.input[name];
    if (typeof value !== 'string' || value === '') throw this.invalid(name, 'a non-empty string', value);
    return value;
  }

  optionalString(name: string): string | undefined {
    return this.input[name] === undefined || this.input[name] === null ? undefined : this.string(name);
  }

  /** A positive integer, written as a number or as digits (`${{ steps.register.outputs.version }}` keeps its type). */
  version(name: string): number {
    const value = this.input[name];
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
      throw this.invalid(name, 'a positive integer version', value);
    return number;
  }

  /** A duration like `10m`, or a number of milliseconds. */
  durationMs(name: string, fallbackMs: number): number {
    const value = this.input[name];
    if (value === undefined || value === null) return fallbackMs;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    const parsed = typeof value === 'string' ? parseDuration(value) : undefined;
    if (parsed === undefined) throw this.invalid(name, 'a duration such as 10m', value);
    return parsed;
  }

  numbers(name: string, fallback: readonly number[]): number[] {
    const value = this.input[name];
    if (value === undefined || value === null) return [...fallback];
    if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'number'))
      throw this.invalid(name, 'a non-empty list of numbers', value);
    return value;
  }

  /** A non-empty list of distinct non-empty strings, or undefined when absent. */
  optionalStrings(name: string): string[] | undefined {
    const value = this.input[name];
    if (value === undefined || value === null) return undefined;
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      !value.every((item) => typeof item === 'string' && item !== '') ||
      new Set(value).size !== value.length
    )
      throw this.invalid(name, 'a non-empty list of distinct names', value);
    return value as string[];
  }

  numberMap(name: string): Record<string, number> {
    const value = this.input[name];
    if (value === undefined || value === null) return {};
    if (
      typeof value !== 'object' ||
      Array.isArray(value) ||
      !Object.values(value).every((item) => typeof item === 'number')
    )
      throw this.invalid(name, 'a mapping of numbers', value);
    return value as Record<string, number>;
  }

  stringMap(name: string): Record<string, string> {
    const value = this.input[name];
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw this.invalid(name, 'a mapping', value);
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        typeof item === 'string' ? item : JSON.stringify(item),
      ]),
    );
  }

  private invalid(name: string, expected: string, value: Value | undefined): StepFailure {
    return new StepFailure(
      `${this.step}: with.${name} must be ${expected}, got ${JSON.stringify(value ?? null)}`,
      false,
    );
  }
}
