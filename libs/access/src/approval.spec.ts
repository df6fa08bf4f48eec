import { DEFAULT_APPROVAL_POLICY, NO_APPROVAL_POLICY, approvalRequired, checkApproval } from './approval';
import type { Principal } from './principal';

const alice: Principal = { id: 'k1', kind: 'api_key', role: 'deployer', name: 'alice' };
const bob: Principal = { id: 'k2', kind: 'api_key', role: 'deployer', name: 'bob' };

describe('two-person rule', () => {
  it.each([
    [{ kind: 'alias', alias: 'champion' }, true],
    [{ kind: 'alias', alias: 'challenger' }, false],
    [{ kind: 'stage', stage: 'Production' }, true],
    [{ kind: 'stage', stage: 'production' }, true],
    [{ kind: 'stage', stage: 'Staging' }, false],
  ] as const)('by default requires approval for %j: %s', (transition, required) => {
    expect(approvalRequired(DEFAULT_APPROVAL_POLICY, transition)).toBe(required);
  });

  it('requires nothing when the rule is off', () => {
    expect(approvalRequired(NO_APPROVAL_POLICY, { kind: 'alias', alias: 'champion' })).toBe(false);
  });

  it('accepts approval by a second deployer', () => {
    expect(checkApproval({ requestedBy: alice, approvedBy: bob })).toEqual({ ok: true });
  });

  it('refuses a principal approving its own promotion, whatever its role', () => {
    const admin = { ...alice, role: 'admin' as const };
    expect(checkApproval({ requestedBy: admin, approvedBy: admin })).toMatchObject({
      ok: false,
      reason: 'self_approval',
      message: 'alice cannot approve their own promotion request',
    });
  });

  it('tells apart principals of different kinds that share an id', () => {
    expect(checkApproval({ requestedBy: alice, approvedBy: { ...alice, kind: 'oidc' } })).toEqual({
      ok: true,
    });
  });

  it('refuses approval by a role that may not grant approvals', () => {
    expect(checkApproval({ requestedBy: alice, approvedBy: { ...bob, role: 'scientist' } })).toMatchObject({
      reason: 'approver_role',
      message: 'bob has role scientist; approving needs deployer',
    });
  });
});
