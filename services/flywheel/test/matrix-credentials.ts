import { type MatrixCaller, ROLES, type Role } from '@flywheel/access';
import { ApiKeyRepository } from '@flywheel/identity';
import type { PgPool } from '@flywheel/postgres';

/** The bearer token each caller of the access matrix presents (undefined: no header at all). */
export type MatrixTokens = (caller: MatrixCaller) => string | undefined;

/**
 * Issues a real key per role, plus an expired key, a revoked key, a malformed token and a valid
 * key id with another key's secret, in the identity schema the services authenticate against.
 */
export async function matrixTokens(pool: PgPool, pepper: string, schema: string): Promise<MatrixTokens> {
  const keys = new ApiKeyRepository(pool, { pepper, schema });
  const issue = async (name: string, role: Role) =>
    (await keys.create({ name, role, createdBy: 'route-matrix' })).token;

  const byRole = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await issue(`matrix-${role}`, role)] as const)),
  ) as Record<Role, string>;

  const anHourAgo = new Date(Date.now() - 3_600_000);
  const issuedEarlier = new ApiKeyRepository(pool, { pepper, schema, now: () => anHourAgo });
  const expired = (
    await issuedEarlier.create({
      name: 'matrix-expired',
      role: 'admin',
      createdBy: 'route-matrix',
      expiresInMs: 60_000,
    })
  ).token;

  const revokedKey = await keys.create({ name: 'matrix-revoked', role: 'admin', createdBy: 'route-matrix' });
  await keys.revoke(revokedKey.key.id, 'route-matrix');

  // fwk_<12-character id>_<secret>: the admin key's id with the viewer key's secret.
  const wrongSecret = `${byRole.admin.slice(0, 17)}${byRole.viewer.slice(17)}`;

  const failing = {
    none: undefined,
    malformed: 'fwk_not-a-key',
    expired,
    revoked: revokedKey.token,
    wrong_secret: wrongSecret,
  };
  return (caller) => ('role' in caller ? byRole[caller.role] : failing[caller.credential]);
}
