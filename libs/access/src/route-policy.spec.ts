import { issueApiKey } from './api-key/api-key-record';
import { verifyApiKey } from './api-key/verify-api-key';
import { ACTIONS, requiredRole } from './permissions';
import { ANONYMOUS_PRINCIPAL, AUTH_DISABLED_PRINCIPAL, type Principal } from './principal';
import { ROLES, type Role, roleAtLeast } from './roles';
import {
  type RoutePolicyTable,
  assertValidRouteTable,
  authorize,
  grpcRouteId,
  httpRouteId,
  routesMissingFromTable,
} from './route-policy';

const CREATE_RUN = grpcRouteId('/flywheel.tracking.v1.TrackingService/CreateRun');
const HEALTH = httpRouteId('get', '/healthz');
const table: RoutePolicyTable = { [CREATE_RUN]: 'runs.write', [HEALTH]: 'public' };
const now = new Date('2026-06-01T00:00:00Z');
const pepper = 'test-pepper';

function principalFor(token: string, record: Parameters<typeof verifyApiKey>[1]): Principal | undefined {
  const result = verifyApiKey(token, record, now, pepper);
  return result.ok ? result.principal : undefined;
}

function keyWith(role: Role, extra: { expiresInMs?: number; createdAt?: Date } = {}) {
  return issueApiKey({
    name: `${role}-key`,
    role,
    now: extra.createdAt ?? now,
    pepper,
    ...(extra.expiresInMs ? { expiresInMs: extra.expiresInMs } : {}),
  });
}

describe('authorize', () => {
  it('builds route ids for gRPC methods and HTTP routes', () => {
    expect(CREATE_RUN).toBe('grpc:/flywheel.tracking.v1.TrackingService/CreateRun');
    expect(httpRouteId('post', '/api/2.0/mlflow/runs/create')).toBe('http:POST /api/2.0/mlflow/runs/create');
  });

  it('denies a request without any key as unauthenticated', () => {
    expect(authorize({ principal: undefined, routeId: CREATE_RUN, table, authEnabled: true })).toMatchObject({
      allowed: false,
      reason: 'unauthenticated',
    });
  });

  it.each([
    ['malformed', () => ({ token: 'fwk_not-a-key', record: keyWith('admin').record })],
    [
      'expired',
      () => keyWith('admin', { createdAt: new Date(now.getTime() - 2 * 3_600_000), expiresInMs: 3_600_000 }),
    ],
    [
      'revoked',
      () => {
        const key = keyWith('admin');
        return { token: key.token, record: { ...key.record, revokedAt: new Date(now.getTime() - 1) } };
      },
    ],
    [
      'wrong secret',
      () => {
        const key = keyWith('admin');
        return {
          token: keyWith('admin').token.replace(/^fwk_[a-z2-7]{12}/, `fwk_${key.record.id}`),
          record: key.record,
        };
      },
    ],
  ])('denies an admin key that is %s as unauthenticated', (_, makeKey) => {
    const { token, record } = makeKey();
    const principal = principalFor(token, record);
    expect(principal).toBeUndefined();
    expect(authorize({ principal, routeId: CREATE_RUN, table, authEnabled: true })).toMatchObject({
      reason: 'unauthenticated',
    });
  });

  it.each(ROLES)('allows or forbids a valid %s key on every action according to the table', (role) => {
    const { token, record } = keyWith(role);
    const principal = principalFor(token, record);
    expect(principal).toMatchObject({ kind: 'api_key', role });
    const everyAction: RoutePolicyTable = Object.fromEntries(
      ACTIONS.map((action) => [`grpc:/${action}`, action]),
    );
    for (const action of ACTIONS) {
      const result = authorize({
        principal,
        routeId: `grpc:/${action}`,
        table: everyAction,
        authEnabled: true,
      });
      if (roleAtLeast(role, requiredRole(action))) expect(result).toEqual({ allowed: true, principal });
      else
        expect(result).toMatchObject({
          allowed: false,
          reason: 'forbidden',
          message: expect.stringContaining(`requires role ${requiredRole(action)}`),
        });
    }
  });

  it('denies routes missing from the table, even when authentication is off', () => {
    const admin: Principal = { id: 'k', kind: 'api_key', role: 'admin', name: 'root' };
    for (const authEnabled of [true, false]) {
      expect(
        authorize({ principal: admin, routeId: 'grpc:/Unlisted/Method', table, authEnabled }),
      ).toMatchObject({ reason: 'unknown_route' });
    }
  });

  it('does not treat inherited object properties as table entries', () => {
    expect(
      authorize({ principal: undefined, routeId: 'constructor', table, authEnabled: false }),
    ).toMatchObject({ reason: 'unknown_route' });
  });

  it('allows public routes without a key, as the anonymous viewer', () => {
    expect(authorize({ principal: undefined, routeId: HEALTH, table, authEnabled: true })).toEqual({
      allowed: true,
      principal: ANONYMOUS_PRINCIPAL,
    });
  });

  it('lets forwarded routes through without a key, for the upstream service to decide', () => {
    const proxy = httpRouteId('POST', '/api/2.0/mlflow/registered-models/create');
    const withProxy: RoutePolicyTable = { ...table, [proxy]: 'forwarded' };
    expect(authorize({ principal: undefined, routeId: proxy, table: withProxy, authEnabled: true })).toEqual({
      allowed: true,
      principal: ANONYMOUS_PRINCIPAL,
    });
  });

  it('allows every declared route when authentication is off', () => {
    expect(authorize({ principal: undefined, routeId: CREATE_RUN, table, authEnabled: false })).toEqual({
      allowed: true,
      principal: AUTH_DISABLED_PRINCIPAL,
    });
  });

  it('lists served routes the table does not declare', () => {
    expect(routesMissingFromTable(table, [CREATE_RUN, HEALTH, 'grpc:/New/Method'])).toEqual([
      'grpc:/New/Method',
    ]);
  });

  it('validates a table loaded at run time and names the bad route', () => {
    expect(assertValidRouteTable({ a: 'public', b: 'runs.write' })).toEqual({ a: 'public', b: 'runs.write' });
    expect(assertValidRouteTable({ c: 'forwarded' })).toEqual({ c: 'forwarded' });
    expect(() => assertValidRouteTable({ [CREATE_RUN]: 'runs.delete' })).toThrow(
      `routes["${CREATE_RUN}"]: expected "public", "forwarded" or a known action, got "runs.delete"`,
    );
  });
});
