import { type Action, requiredRole } from './permissions';
import { ROLES, type Role, roleAtLeast } from './roles';
import type { RoutePolicyTable } from './route-policy';

/** A caller in the generated matrix: a valid key with a role, or a credential that must fail. */
export type MatrixCaller =
  { role: Role } | { credential: 'none' | 'malformed' | 'expired' | 'revoked' | 'wrong_secret' };

export const FAILING_CREDENTIALS = ['none', 'malformed', 'expired', 'revoked', 'wrong_secret'] as const;

export type MatrixExpectation = 'allow' | 'unauthenticated' | 'forbidden';

export interface AccessCase {
  routeId: string;
  caller: MatrixCaller;
  expected: MatrixExpectation;
}

/**
 * Every route × every caller with the outcome the table demands (authentication on). Services
 * replay these cases against their real gRPC and HTTP servers; the expectation comes from the
 * table alone, so a guard that drifts from the table fails the matrix. `forwarded` routes are
 * left out: their outcome is decided by the service they forward to, whose own table covers it.
 */
export function accessCases(table: RoutePolicyTable): AccessCase[] {
  const callers: MatrixCaller[] = [
    ...ROLES.map((role) => ({ role })),
    ...FAILING_CREDENTIALS.map((credential) => ({ credential })),
  ];
  return Object.entries(table).flatMap(([routeId, requirement]) =>
    requirement === 'forwarded'
      ? []
      : callers.map((caller) => ({ routeId, caller, expected: expectationFor(requirement, caller) })),
  );
}

function expectationFor(requirement: Action | 'public', caller: MatrixCaller): MatrixExpectation {
  if (requirement === 'public') return 'allow';
  if (!('role' in caller)) return 'unauthenticated';
  return roleAtLeast(caller.role, requiredRole(requirement)) ? 'allow' : 'forbidden';
}
