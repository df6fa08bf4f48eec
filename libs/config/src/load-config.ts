import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error';
import { flagToVariable } from './flag-names';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates configuration given as variables (`env`) and command-line flags (`flags`, keyed
 * by flag name without dashes, e.g. `{ 'admin-port': '9000' }`, which override the variable
 * they name: `FLYWHEEL_ADMIN_PORT`). Empty values count as unset.
 *
 * The schema must be a `z.object` keyed by variable name (optionally followed by transforms
 * and refinements) so each problem names the variable it concerns.
 *
 * @returns the parsed configuration, deeply frozen.
 * @throws ConfigError listing every bad or missing variable with the reason.
 */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Environment = process.env,
  flags: Environment = {},
): Readonly<z.output<S>> {
  const flagVariables = new Map<string, string>();
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') merged[name] = value;
  }
  for (const [flag, value] of Object.entries(flags)) {
    if (value === undefined || value === '') continue;
    const variable = flagToVariable(flag);
    merged[variable] = value;
    flagVariables.set(variable, flag);
  }

  const result = schema.safeParse(merged);
  if (result.success) return deepFreeze(result.data);

  const problems: ConfigProblem[] = result.error.issues.map((issue) => {
    const variable = typeof issue.path[0] === 'string' ? issue.path[0] : '(configuration)';
    const flag = flagVariables.get(variable);
    const missing = issue.code === 'invalid_type' && merged[variable] === undefined;
    return {
      variable: flag === undefined ? variable : `${variable} (--${flag})`,
      reason: missing ? 'is required but not set' : issue.message,
    };
  });
  throw new ConfigError(problems);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
