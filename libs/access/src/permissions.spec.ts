import {
  ACTIONS,
  PERMISSION_TABLE,
  isMutatingAction,
  parseAction,
  requiredRole,
  roleMayPerform,
} from './permissions';
import { ROLES } from './roles';

describe('PERMISSION_TABLE', () => {
  const matrix = ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const));

  it.each(matrix)('role %s may perform %s exactly when the table allows it', (role, action) => {
    const allowed = ROLES.indexOf(role) >= ROLES.indexOf(PERMISSION_TABLE[action]);
    expect(roleMayPerform(role, action)).toBe(allowed);
  });

  it('gives each role exactly the duties of the access-control design', () => {
    const byRole = Object.fromEntries(
      ROLES.map((role) => [role, ACTIONS.filter((a) => requiredRole(a) === role).sort()]),
    );
    expect(byRole).toEqual({
      viewer: [
        'artifacts.read',
        'deployments.read',
        'experiments.read',
        'inference.predict',
        'models.read',
        'monitoring.read',
        'pipelines.read',
        'runs.read',
      ],
      scientist: [
        'artifacts.write',
        'experiments.write',
        'models.register',
        'pipelines.trigger',
        'runs.write',
      ],
      deployer: [
        'aliases.write',
        'approvals.grant',
        'rollbacks.request',
        'rollouts.write',
        'stages.transition',
      ],
      admin: ['audit.read', 'keys.manage', 'models.delete', 'pipelines.define', 'policies.manage'],
    });
  });

  it('lets admin perform every action and viewer only viewer actions', () => {
    expect(ACTIONS.every((a) => roleMayPerform('admin', a))).toBe(true);
    expect(
      ACTIONS.filter((a) => roleMayPerform('viewer', a)).every((a) => requiredRole(a) === 'viewer'),
    ).toBe(true);
  });

  it('parses known actions and names the field for unknown ones', () => {
    expect(parseAction('runs.write')).toBe('runs.write');
    expect(() => parseAction('runs.delete', 'routes.CreateRun')).toThrow(
      'routes.CreateRun: unknown action "runs.delete"',
    );
    expect(() => parseAction('toString')).toThrow('unknown action');
  });

  it('counts every action but reads and predictions as mutating', () => {
    expect(ACTIONS.filter((a) => !isMutatingAction(a)).sort()).toEqual([
      'artifacts.read',
      'audit.read',
      'deployments.read',
      'experiments.read',
      'inference.predict',
      'models.read',
      'monitoring.read',
      'pipelines.read',
      'runs.read',
    ]);
  });
});
