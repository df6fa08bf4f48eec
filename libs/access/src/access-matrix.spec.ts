import { accessCases } from './access-matrix';

describe('accessCases', () => {
  const cases = accessCases({ 'grpc:/Svc/Create': 'models.register', 'http:GET /healthz': 'public' });

  it('crosses every route with every role and every failing credential', () => {
    expect(cases).toHaveLength(2 * (4 + 5));
  });

  it('expects allow from the table role upwards and forbidden below it', () => {
    const byRole = cases
      .filter((c) => c.routeId === 'grpc:/Svc/Create' && 'role' in c.caller)
      .map((c) => [c.caller, c.expected]);
    expect(byRole).toEqual([
      [{ role: 'viewer' }, 'forbidden'],
      [{ role: 'scientist' }, 'allow'],
      [{ role: 'deployer' }, 'allow'],
      [{ role: 'admin' }, 'allow'],
    ]);
  });

  it('expects unauthenticated for no, malformed, expired, revoked and wrong-secret keys', () => {
    const failing = cases.filter((c) => c.routeId === 'grpc:/Svc/Create' && 'credential' in c.caller);
    expect(failing.map((c) => c.expected)).toEqual(Array(5).fill('unauthenticated'));
  });

  it('expects public routes to allow every caller', () => {
    expect(cases.filter((c) => c.routeId === 'http:GET /healthz').every((c) => c.expected === 'allow')).toBe(
      true,
    );
  });

  it('leaves forwarded routes to the service they forward to', () => {
    const withProxy = accessCases({
      'grpc:/Svc/Create': 'models.register',
      'http:GET /proxy/*': 'forwarded',
    });
    expect(withProxy.map((c) => c.routeId)).not.toContain('http:GET /proxy/*');
    expect(withProxy).toHaveLength(9);
  });
});
