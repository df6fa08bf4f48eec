import { parseArgs } from 'node:util';
import { AccessInputError, type Role, parseDuration, parseRole } from '@flywheel/access';
import { UsageError } from '../usage-error';

/** What `flywheel keys …` asks for. */
export type KeysAction =
  | { action: 'create'; role: Role; name: string; expiresInMs?: number }
  | { action: 'list'; activeOnly: boolean }
  | { action: 'revoke'; id: string }
  | { action: 'help' };

export interface KeysCommand {
  action: KeysAction;
  /** Configuration flags by name (`database-url`, `data-dir`), overriding the variables they name. */
  configFlags: Record<string, string>;
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

// Each command's own options, and how its parsed arguments become an action.
const COMMANDS: Record<
  'create' | 'list' | 'revoke',
  { options: Options; action: (parsed: Parsed) => KeysAction }
> = {
  create: {
    options: { role: { type: 'string' }, expires: { type: 'string' }, name: { type: 'string' } },
    action: createAction,
  },
  list: {
    options: { active: { type: 'boolean' } },
    action: ({ values, positionals }) => {
      noPositionals('keys list', positionals);
      return { action: 'list', activeOnly: values.active === true };
    },
  },
  revoke: { options: {}, action: ({ positionals }) => revokeAction(positionals) },
};

// The id part of `fwk_<id>_<secret>`: 12 characters of lower-case RFC 4648 base32.
const KEY_ID = /^[a-z2-7]{12}$/;
const MAX_NAME_LENGTH = 200;

/**
 * Parses the words after `flywheel keys`: `create --role <role> [--expires <duration>]
 * [--name <label>]`, `list [--active]`, `revoke <id>`. Each also takes the configuration flags
 * (`--database-url`, `--data-dir`, …) that choose the database.
 * @throws UsageError naming the flag or argument at fault.
 */
export function parseKeysCommand(args: readonly string[], configFlags: readonly string[]): KeysCommand {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    return { action: { action: 'help' }, configFlags: {} };
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new UsageError(`unknown keys command "${name}"; one of ${Object.keys(COMMANDS).join(', ')}`);
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  const parsed = strictArgs(rest, command.options, configFlags);
  if (parsed.values.help === true) return { action: { action: 'help' }, configFlags: {} };
  return { action: command.action(parsed), configFlags: configFlagsOf(parsed.values, configFlags) };
}

function createAction({ values, positionals }: Parsed): KeysAction {
  noPositionals('keys create', positionals);
  if (typeof values.role !== 'string') {
    throw new UsageError('keys create: --role is required (viewer, scientist, deployer or admin)');
  }
  const role = operatorInput(() => parseRole(values.role as string, '--role'));
  const expires = values.expires;
  const expiresInMs =
    typeof expires === 'string' ? operatorInput(() => parseDuration(expires, '--expires')) : undefined;
  const name = typeof values.name === 'string' ? values.name.trim() : `cli-${role}`;
  // eslint-disable-next-line no-control-regex -- control characters would corrupt the list table
  if (name === '' || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new UsageError(`--name: must be 1 to ${MAX_NAME_LENGTH} characters without control characters`);
  }
  return { action: 'create', role, name, ...(expiresInMs !== undefined && { expiresInMs }) };
}

function revokeAction(positionals: string[]): KeysAction {
  const [id, ...extra] = positionals;
  if (id === undefined)
    throw new UsageError('keys revoke: missing key id (the ID column of "flywheel keys list")');
  noPositionals('keys revoke <id>', extra);
  if (!KEY_ID.test(id)) {
    throw new UsageError(
      `keys revoke: "${id}" is not a key id (12 characters of a-z and 2-7, as "flywheel keys list" shows)`,
    );
  }
  return { action: 'revoke', id };
}

function strictArgs(args: string[], options: Options, configFlags: readonly string[]): Parsed {
  const all: Options = { help: { type: 'boolean', short: 'h' } };
  for (const flag of configFlags) all[flag] = { type: 'string' };
  try {
    return parseArgs({ args, options: { ...all, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function configFlagsOf(values: Parsed['values'], configFlags: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const flag of configFlags) {
    const value = values[flag];
    if (typeof value === 'string') flags[flag] = value;
  }
  return flags;
}

function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals.join(' ')}" after ${command}`);
}

function operatorInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AccessInputError) throw new UsageError(error.message);
    throw error;
  }
}
