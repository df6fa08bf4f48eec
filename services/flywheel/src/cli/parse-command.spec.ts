import { parseCommand } from './parse-command';
import { UsageError } from './usage-error';

describe('parseCommand', () => {
  it('parses start with a target list', () => {
    expect(parseCommand(['start', '--target=tracking,registry'])).toEqual({
      kind: 'start',
      targets: ['tracking', 'registry'],
      configFlags: {},
    });
  });

  it('starts every service when no target is given', () => {
    expect(parseCommand(['start'])).toMatchObject({
      kind: 'start',
      targets: expect.arrayContaining(['monitoring']),
    });
  });

  it('collects configuration flags by name', () => {
    expect(
      parseCommand(['start', '--target', 'tracking', '--admin-port', '9999', '--bind-host=::1']),
    ).toEqual({
      kind: 'start',
      targets: ['tracking'],
      configFlags: { 'admin-port': '9999', 'bind-host': '::1' },
    });
  });

  it.each([[['--help']], [['-h']], [['help']], [['start', '--help']]])(
    'recognises %j as a request for help',
    (args) => {
      expect(parseCommand(args)).toEqual({ kind: 'help' });
    },
  );

  it('rejects unknown options, commands and targets with a usage error', () => {
    expect(() => parseCommand(['start', '--port=1'])).toThrow(UsageError);
    expect(() => parseCommand(['start', '--port=1'])).toThrow(/--port/);
    expect(() => parseCommand(['serve'])).toThrow(/unknown command "serve"/);
    expect(() => parseCommand(['start', '--target=nope'])).toThrow(
      /unknown target "nope"; valid targets: all, /,
    );
    expect(() => parseCommand([])).toThrow(/missing command/);
  });

  it('offers no flag for secrets, which come from the environment only', () => {
    expect(() => parseCommand(['start', '--s3-secret-access-key=x'])).toThrow(UsageError);
  });
});
