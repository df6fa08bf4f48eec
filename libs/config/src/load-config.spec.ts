import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { portVariable } from './variables';

const schema = z.object({
  FLYWHEEL_NAME: z.string(),
  FLYWHEEL_ADMIN_PORT: portVariable(9464),
  FLYWHEEL_MODE: z.enum(['a', 'b']).optional(),
});

function problemsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('lists every bad or missing variable in one error', () => {
    const problems = problemsOf(() => loadConfig(schema, { FLYWHEEL_ADMIN_PORT: 'abc', FLYWHEEL_MODE: 'c' }));
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'FLYWHEEL_ADMIN_PORT',
      'FLYWHEEL_MODE',
      'FLYWHEEL_NAME',
    ]);
    expect(problems.find((problem) => problem.variable === 'FLYWHEEL_NAME')?.reason).toBe(
      'is required but not set',
    );
    expect(problems.find((problem) => problem.variable === 'FLYWHEEL_ADMIN_PORT')?.reason).toMatch(
      /TCP port.*"abc"/,
    );
  });

  it('formats the error message with one line per problem', () => {
    expect(() => loadConfig(schema, { FLYWHEEL_ADMIN_PORT: '70000' })).toThrow(
      /Invalid configuration \(2 problems\):\n {2}- FLYWHEEL_NAME: is required but not set\n {2}- FLYWHEEL_ADMIN_PORT: expected a TCP port/,
    );
  });

  it('lets a flag override the variable it names', () => {
    const config = loadConfig(
      schema,
      { FLYWHEEL_NAME: 'x', FLYWHEEL_ADMIN_PORT: '1000' },
      { 'admin-port': '2000' },
    );
    expect(config.FLYWHEEL_ADMIN_PORT).toBe(2000);
  });

  it('names the flag when a flag supplied the bad value', () => {
    const problems = problemsOf(() => loadConfig(schema, { FLYWHEEL_NAME: 'x' }, { 'admin-port': 'nope' }));
    expect(problems).toEqual([
      { variable: 'FLYWHEEL_ADMIN_PORT (--admin-port)', reason: expect.stringMatching(/"nope"/) },
    ]);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig(schema, { FLYWHEEL_NAME: 'x', FLYWHEEL_ADMIN_PORT: '' });
    expect(config.FLYWHEEL_ADMIN_PORT).toBe(9464);
  });

  it('returns a frozen configuration', () => {
    const config = loadConfig(z.object({ nested: z.object({ a: z.string() }).default({ a: 'x' }) }), {});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.nested)).toBe(true);
  });
});
