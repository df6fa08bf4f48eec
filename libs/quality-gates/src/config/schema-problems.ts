import { z } from 'zod';
import { ValidationProblem } from '../errors';
import { ConfigPath, formatPath } from './config-path';

/**
 * Validates `value` against `schema`, appending every issue to `problems` under `path`.
 * Returns the parsed value, or undefined when it did not validate.
 */
export function parseAt<T>(
  schema: z.ZodType<T>,
  value: unknown,
  path: ConfigPath,
  problems: ValidationProblem[],
): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(...issueProblems(issue, path));
  return undefined;
}

/**
 * A union issue nests one issue list per branch; report the branch that matched the value's
 * type (its issues are the precise ones), or the union's own message when none did.
 */
function issueProblems(issue: z.core.$ZodIssue, base: ConfigPath): ValidationProblem[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const typed = issue.errors.filter(
      (branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0),
    );
    if (typed.length === 1) return typed[0]!.flatMap((nested) => issueProblems(nested, path));
  }
  return [{ path: formatPath(path), message: issue.message }];
}
