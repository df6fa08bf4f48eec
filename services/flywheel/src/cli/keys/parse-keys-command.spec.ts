import { parseCommand } from '../parse-command';
import { UsageError } from '../usage-error';
import { parseKeysCommand } from './parse-keys-command';

const CONFIG_FLAGS = ['database-url', 'data-dir'];
const keys = (...args: string[]) => parseKeysCommand(args, CONFIG_FLAGS);

describe('parseKeysCommand', () => {
  it('parses create with role, lifetime and name', () => {
    expect(keys('create', '--role', 'Deployer', '--expires', '30d', '--name', ' ci pipeline ')).toEqual({
      action: { action: 'create', role: 'deployer', name: 'ci pipeline', expiresInMs: 30 * 86_400_000 },
      configFlags: {},
    });
  });

  it('names a key after its role and lets it live forever unless told otherwise', () => {
    expect(keys('create', '--role=viewer').action).toEqual({
      action: 'create',
      role: 'viewer',
      name: 'cli-viewer',
    });
  });

  it('parses list, list --active and revoke <id>', () => {
    expect(keys('list').action).toEqual({ action: 'list', activeOnly: false });
    expect(keys('list', '--active').action).toEqual({ action: 'list', activeOnly: true });
    expect(keys('revoke', 'abcdefgh2345').action).toEqual({ action: 'revoke', id: 'abcdefgh2345' });
  });

  it('takes configuration flags that choose the database', () => {
    expect(
      keys('list', '--database-url=postgres://db/flywheel', '--data-dir', '/srv/fw').configFlags,
    ).toEqual({
      'database-url': 'postgres://db/flywheel',
      'data-dir': '/srv/fw',
    });
  });

  it.each([[[]], [['help']], [['--help']], [['create', '--help']], [['revoke', '-h']]])(
    'reads %j as a request for help',
    (args) => {
      expect(keys(...args).action).toEqual({ action: 'help' });
    },
  );

  it.each<[string[], string]>([
    [['create'], 'keys create: --role is required (viewer, scientist, deployer or admin)'],
    [
      ['create', '--role', 'root'],
      '--role: unknown role "root"; expected one of viewer, scientist, deployer, admin',
    ],
    [
      ['create', '--role', 'admin', '--expires', '30'],
      '--expires: expected a positive whole number followed by m, h or d',
    ],
    [['create', '--role', 'admin', '--expires', '0d'], '--expires: expected a positive whole number'],
    [['create', '--role', 'admin', '--expires', '9999d'], '--expires: "9999d" exceeds the maximum of 3650d'],
    [
      ['create', '--role', 'admin', '--name', '  '],
      '--name: must be 1 to 200 characters without control characters',
    ],
    [
      ['create', '--role', 'admin', '--name', 'a\nb'],
      '--name: must be 1 to 200 characters without control characters',
    ],
    [['create', '--role', 'admin', 'extra'], 'unexpected argument "extra" after keys create'],
    [['create', '--role', 'admin', '--target', 'all'], "Unknown option '--target'"],
    [['revoke'], 'keys revoke: missing key id (the ID column of "flywheel keys list")'],
    [['revoke', 'fwk_abcdefgh2345_secret'], 'keys revoke: "fwk_abcdefgh2345_secret" is not a key id'],
    [['revoke', 'abcdefgh2345', 'more'], 'unexpected argument "more" after keys revoke <id>'],
    [['list', '--role', 'admin'], "Unknown option '--role'"],
    [['delete', 'x'], 'unknown keys command "delete"; one of create, list, revoke'],
    [['__proto__'], 'unknown keys command "__proto__"'],
  ])('refuses %j with a usage error', (args, message) => {
    expect(() => keys(...args)).toThrow(UsageError);
    expect(() => keys(...args)).toThrow(message);
  });
});

describe('parseCommand dispatching to keys', () => {
  it('hands the words after "keys" to the keys parser with every configuration flag', () => {
    expect(parseCommand(['keys', 'list', '--data-dir=/srv/fw'])).toEqual({
      kind: 'keys',
      action: { action: 'list', activeOnly: false },
      configFlags: { 'data-dir': '/srv/fw' },
    });
    expect(parseCommand(['keys', '--help'])).toEqual({ kind: 'help' });
  });
});
