import type { Pipeline } from '../pipeline';
import { failure, success, type Result } from '../result';
import type { ScalarValue } from '../values';

/**
 * The parameters a run starts with: given values checked against their declared types,
 * defaults filled in. Errors list every unknown, missing or mistyped parameter.
 */
export function resolveParams(
  pipeline: Pipeline,
  given: Readonly<Record<string, unknown>>,
): Result<Record<string, ScalarValue>, string[]> {
  const errors: string[] = [];
  const declared = new Set(pipeline.params.map((param) => param.name));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) errors.push(`unknown parameter '${name}'`);
  }
  const values: [string, ScalarValue][] = [];
  for (const param of pipeline.params) {
    const value = Object.hasOwn(given, param.name) ? given[param.name] : param.default;
    if (value === undefined) errors.push(`parameter '${param.name}' is required`);
    else if (typeof value !== param.type || (typeof value === 'number' && !Number.isFinite(value))) {
      errors.push(`parameter '${param.name}' must be a ${param.type}, got ${describeGiven(value)}`);
    } else values.push([param.name, value as ScalarValue]);
  }
  return errors.length > 0 ? failure(errors) : success(Object.fromEntries(values));
}

function describeGiven(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
}
