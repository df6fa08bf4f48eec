import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigProblem } from '../config-error';
import { variableToFlag } from '../flag-names';
import type { Environment } from '../load-config';

/** `FLYWHEEL_AUTH_PEPPER` → `FLYWHEEL_AUTH_PEPPER_FILE`: where a secret may be read from instead. */
export function secretFileVariable(secret: string): string {
  return `${secret}_FILE`;
}

export interface ResolvedSecrets {
  /** `env` with each secret whose `<NAME>_FILE` was readable set from the file. */
  env: Record<string, string | undefined>;
  problems: ConfigProblem[];
  /** Secrets whose file could not be used; other problems about them would only repeat it. */
  failed: ReadonlySet<string>;
}

/**
 * Reads `<NAME>_FILE` (variable or `--<name>-file` flag) for every secret, the way container
 * platforms mount secrets: the file's content, without one trailing newline, becomes the value
 * of `<NAME>`. Setting both the variable and its file is a problem, as is an unreadable or empty
 * file; the messages name the file, never its content.
 */
export function readSecretFiles(
  secrets: Iterable<string>,
  env: Environment,
  flags: Environment,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ResolvedSecrets {
  const resolved: Record<string, string | undefined> = { ...env };
  const problems: ConfigProblem[] = [];
  const failed = new Set<string>();
  for (const secret of secrets) {
    const fileVariable = secretFileVariable(secret);
    const flag = variableToFlag(fileVariable);
    const path = nonEmpty(flags[flag]) ?? nonEmpty(env[fileVariable]);
    if (path === undefined) continue;
    const label = nonEmpty(flags[flag]) === undefined ? fileVariable : `${fileVariable} (--${flag})`;
    const problem = (reason: string) => {
      problems.push({ variable: label, reason });
      failed.add(secret);
    };
    if (nonEmpty(env[secret]) !== undefined) {
      problem(`set either ${secret} or ${fileVariable}, not both`);
      continue;
    }
    const file = resolve(path);
    try {
      const value = read(file).replace(/\r?\n$/, '');
      if (value === '') problem(`"${file}" is empty`);
      else resolved[secret] = value;
    } catch (error) {
      problem(`cannot read "${file}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
  }
  return { env: resolved, problems, failed };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
