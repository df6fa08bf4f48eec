import type { PlatformConfig } from '@flywheel/config';
import { UsageError } from '../usage-error';
import type { KeysAction } from './parse-keys-command';
import { runKeysCommand } from './run-keys-command';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/**
 * `flywheel keys …` as a process: output on stdout/stderr, the exit code returned. Failures
 * (database unreachable, …) print their message, not a stack: the operator can act on it.
 */
export async function runKeysCli(
  action: Exclude<KeysAction, { action: 'help' }>,
  config: PlatformConfig,
): Promise<number> {
  try {
    return await runKeysCommand(action, config, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`flywheel: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(
      `flywheel: keys ${action.action} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_FAILED;
  }
}
