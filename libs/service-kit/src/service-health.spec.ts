import { ReadinessProbe, type DependencyStatus } from './readiness-probe';
import { ServiceHealth } from './service-health';

class FixedProbe extends ReadinessProbe {
  constructor(private readonly dependencies: DependencyStatus[]) {
    super();
  }
  check(): Promise<DependencyStatus[]> {
    return Promise.resolve(this.dependencies);
  }
}

describe('ServiceHealth', () => {
  it('is not ready while starting', async () => {
    await expect(new ServiceHealth('tracking').readiness()).resolves.toEqual({
      service: 'tracking',
      phase: 'starting',
      ready: false,
      dependencies: [],
    });
  });

  it('is ready when serving with every dependency ready', async () => {
    const health = new ServiceHealth('tracking');
    health.markServing(new FixedProbe([{ name: 'postgres', ready: true }]));
    await expect(health.readiness()).resolves.toMatchObject({ phase: 'serving', ready: true });
  });

  it('is not ready while a dependency is down, and says which', async () => {
    const health = new ServiceHealth('registry');
    const down = { name: 'kafka', ready: false, detail: 'broker unreachable' };
    health.markServing(new FixedProbe([{ name: 'postgres', ready: true }, down]));
    await expect(health.readiness()).resolves.toMatchObject({
      ready: false,
      dependencies: [expect.anything(), down],
    });
  });

  it('is never ready again once draining', async () => {
    const health = new ServiceHealth('tracking');
    health.markServing(new FixedProbe([]));
    health.markDraining();
    health.markServing(new FixedProbe([]));
    await expect(health.readiness()).resolves.toMatchObject({ phase: 'draining', ready: false });
  });

  it('knows the whole server, its own name and the gRPC services of its port', () => {
    const health = new ServiceHealth('tracking');
    health.addGrpcServices(['grpc.health.v1.Health']);
    expect(['', 'tracking', 'grpc.health.v1.Health'].every((name) => health.knows(name))).toBe(true);
    expect(health.knows('registry')).toBe(false);
  });

  it('announces phase changes in order', () => {
    const health = new ServiceHealth('tracking');
    const phases: string[] = [];
    health.phaseChanges().subscribe((phase) => phases.push(phase));
    health.markServing(new FixedProbe([]));
    health.markDraining();
    expect(phases).toEqual(['starting', 'serving', 'draining']);
  });
});
