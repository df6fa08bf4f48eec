import { loadPlatformConfig } from '@flywheel/config';
import type { OpenedResource } from './opened-resource';
import type { ResourceOpeners } from './openers/resource-openers';
import { PlatformResources } from './platform-resources';

// Lifecycle logic only: the openers record what happens instead of starting servers.
function recordingOpeners(log: string[], options: { failPostgres?: number; failClose?: string } = {}) {
  let postgresFailures = options.failPostgres ?? 0;
  const opened = (name: string): OpenedResource<never> => {
    log.push(`open ${name}`);
    return {
      value: { name } as never,
      check: () => (name === 'clickhouse' ? Promise.reject(new Error('down')) : Promise.resolve()),
      close: () => {
        log.push(`close ${name}`);
        return name === options.failClose ? Promise.reject(new Error('stuck')) : Promise.resolve();
      },
    };
  };
  const openers: ResourceOpeners = {
    eventBus: () => opened('event-bus'),
    postgres: async () => {
      await Promise.resolve();
      if (postgresFailures-- > 0) throw new Error('port in use');
      return opened('postgres');
    },
    clickhouse: () => opened('clickhouse'),
    artifactStore: () => opened('artifact-store'),
  };
  return openers;
}

const config = loadPlatformConfig({ FLYWHEEL_DATA_DIR: '/tmp/flywheel-lifecycle' });

describe('PlatformResources lifecycle', () => {
  it('opens nothing until a resource is asked for', () => {
    const log: string[] = [];
    const resources = new PlatformResources(config, recordingOpeners(log));
    expect(log).toEqual([]);
    expect(resources.dependencyChecks()).toEqual([]);
  });

  it('opens each resource once and shares it, even when asked concurrently', async () => {
    const log: string[] = [];
    const resources = new PlatformResources(config, recordingOpeners(log));
    expect(resources.eventBus()).toBe(resources.eventBus());
    const [first, second] = await Promise.all([resources.postgres(), resources.postgres()]);
    expect(first).toBe(second);
    expect(log).toEqual(['open event-bus', 'open postgres']);
  });

  it('offers a readiness check for each opened resource only', async () => {
    const resources = new PlatformResources(config, recordingOpeners([]));
    resources.artifactStore();
    resources.clickhouse();
    const checks = resources.dependencyChecks();
    expect(checks.map((check) => check.name)).toEqual(['artifact-store', 'clickhouse']);
    await expect(checks[0]!.check()).resolves.toBeUndefined();
    await expect(checks[1]!.check()).rejects.toThrow('down');
  });

  it('closes in reverse order of opening, once', async () => {
    const log: string[] = [];
    const resources = new PlatformResources(config, recordingOpeners(log));
    resources.clickhouse();
    await resources.postgres();
    resources.eventBus();
    await resources.close();
    await resources.close();
    expect(log.filter((line) => line.startsWith('close'))).toEqual([
      'close event-bus',
      'close postgres',
      'close clickhouse',
    ]);
    expect(resources.dependencyChecks()).toEqual([]);
  });

  it('waits for a resource still starting and closes it too', async () => {
    const log: string[] = [];
    const resources = new PlatformResources(config, recordingOpeners(log));
    const starting = resources.postgres();
    await resources.close();
    await starting;
    expect(log).toEqual(['open postgres', 'close postgres']);
  });

  it('refuses to open anything after close', async () => {
    const resources = new PlatformResources(config, recordingOpeners([]));
    await resources.close();
    expect(() => resources.eventBus()).toThrow('cannot open event-bus: the platform resources are closed');
    await expect(resources.postgres()).rejects.toThrow(
      'cannot open postgres: the platform resources are closed',
    );
  });

  it('names the resource that failed to open and tries again on the next request', async () => {
    const log: string[] = [];
    const resources = new PlatformResources(config, recordingOpeners(log, { failPostgres: 1 }));
    await expect(resources.postgres()).rejects.toThrow('cannot open postgres: port in use');
    await expect(resources.postgres()).resolves.toEqual({ name: 'postgres' });
  });

  it('closes the others when one fails to close, then reports it', async () => {
    const log: string[] = [];
    const resources = new PlatformResources(config, recordingOpeners(log, { failClose: 'event-bus' }));
    resources.artifactStore();
    resources.eventBus();
    await expect(resources.close()).rejects.toThrow('closing platform resources failed: event-bus: stuck');
    expect(log).toContain('close artifact-store');
  });
});
