import { AccessInputError } from './errors';
import { ROLES, parseRole, roleAtLeast } from './roles';

describe('roles', () => {
  it('orders roles viewer < scientist < deployer < admin', () => {
    expect(ROLES).toEqual(['viewer', 'scientist', 'deployer', 'admin']);
  });

  it.each(ROLES.flatMap((have, i) => ROLES.map((need, j) => [have, need, i >= j] as const)))(
    'roleAtLeast(%s, %s) is %s',
    (have, need, expected) => {
      expect(roleAtLeast(have, need)).toBe(expected);
    },
  );

  it('parses role names case-insensitively and trimmed', () => {
    expect(parseRole(' Deployer ')).toBe('deployer');
  });

  it('rejects unknown roles with an error naming the field and the choices', () => {
    expect(() => parseRole('owner', '--role')).toThrow(AccessInputError);
    expect(() => parseRole('owner', '--role')).toThrow(
      '--role: unknown role "owner"; expected one of viewer, scientist, deployer, admin',
    );
  });
});
