import { AccessInputError } from './errors';

/** Roles from least to most privileged; each role holds every permission of those before it. */
export const ROLES = ['viewer', 'scientist', 'deployer', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `have` is `need` or a more privileged role. */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Parses a role name (case-insensitive, trimmed); `field` names the flag or claim in the error. */
export function parseRole(value: string, field = 'role'): Role {
  const normalized = value.trim().toLowerCase();
  if (isRole(normalized)) return normalized;
  throw new AccessInputError(field, `unknown role "${value}"; expected one of ${ROLES.join(', ')}`);
}
