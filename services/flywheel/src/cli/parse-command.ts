import { parseArgs } from 'node:util';
import { describePlatformVariables, type ServiceName } from '@flywheel/config';
import { type DemoCommand, parseDemoCommand } from './demo/parse-demo-command';
import { type KeysAction, parseKeysCommand } from './keys/parse-keys-command';
import { ALL_TARGET, resolveTargets } from './targets';
import { UsageError } from './usage-error';

export type Command =
  | { kind: 'help' }
  | {
      kind: 'start';
      targets: ServiceName[];
      /** Configuration flags by name (`admin-port`), overriding the variables they name. */
      configFlags: Record<string, string>;
    }
  | { kind: 'keys'; action: Exclude<KeysAction, { action: 'help' }>; configFlags: Record<string, string> }
  | ({ kind: 'demo' } & DemoCommand);

/** Every non-secret platform variable is also a flag: FLYWHEEL_ADMIN_PORT <-> --admin-port. */
export const CONFIG_FLAGS: readonly string[] = describePlatformVariables().flatMap((variable) =>
  variable.flag === undefined ? [] : [variable.flag],
);

/**
 * Parses `flywheel <command> [options]`. Commands: `start` (default target `all`), `keys`, `demo` and `help`.
 * @throws UsageError for unknown commands, options or targets.
 */
export function parseCommand(args: readonly string[]): Command {
  if (args[0] === 'keys') {
    const keys = parseKeysCommand(args.slice(1), CONFIG_FLAGS);
    return keys.action.action === 'help' ? { kind: 'help' } : { kind: 'keys', ...keys, action: keys.action };
  }
  if (args[0] === 'demo') {
    const demo = parseDemoCommand(args.slice(1), CONFIG_FLAGS);
    return demo === 'help' ? { kind: 'help' } : { kind: 'demo', ...demo };
  }
  const parsed = parseOrExplain(args);
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help === true || command === 'help') return { kind: 'help' };
  if (command === undefined) throw new UsageError('missing command; try "flywheel start --target=all"');
  if (command !== 'start')
    throw new UsageError(`unknown command "${command}"; the commands are start, keys, demo and help`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra.join(' ')}" after start`);

  const { target, help: _help, ...flags } = parsed.values;
  const configFlags: Record<string, string> = {};
  for (const [flag, value] of Object.entries(flags)) {
    if (typeof value === 'string') configFlags[flag] = value;
  }
  return {
    kind: 'start',
    targets: resolveTargets(typeof target === 'string' ? target : ALL_TARGET),
    configFlags,
  };
}

function parseOrExplain(args: readonly string[]) {
  const options = Object.fromEntries(CONFIG_FLAGS.map((flag) => [flag, { type: 'string' as const }]));
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, target: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
