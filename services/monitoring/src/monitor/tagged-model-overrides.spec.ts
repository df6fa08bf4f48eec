import { loadPlatformConfig } from '@flywheel/config';
import { loadMonitoringSettings } from '../settings/monitoring-settings';
import { TaggedModelOverrides } from './tagged-model-overrides';

const { defaults } = loadMonitoringSettings(loadPlatformConfig({}), {});

/** A registry stand-in: tags per model, or an error to throw; counts reads. */
class FakeTags {
  reads = 0;
  tags = new Map<string, Record<string, string>>();
  failure: Error | undefined;
  modelTags(name: string): Promise<Record<string, string> | undefined> {
    this.reads += 1;
    return this.failure ? Promise.reject(this.failure) : Promise.resolve(this.tags.get(name));
  }
}

function setup(refreshMs = 30_000) {
  const source = new FakeTags();
  let now = 1_000_000;
  const logged: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const logger = {
    info: (fields: Record<string, unknown>, message: string) =>
      logged.push({ level: 'info', message, fields }),
    warn: (fields: Record<string, unknown>, message: string) =>
      logged.push({ level: 'warn', message, fields }),
  };
  const overrides = new TaggedModelOverrides(source, defaults, refreshMs, () => now, logger);
  return { source, overrides, logged, advance: (ms: number) => (now += ms) };
}

describe('TaggedModelOverrides', () => {
  it("reads a model's flywheel.monitoring tag and trusts it until the refresh interval has passed", async () => {
    const { source, overrides, advance } = setup();
    source.tags.set('churn', { 'flywheel.monitoring': '{"windowSeconds": 4}', other: 'x' });
    expect(await overrides.overrideFor('churn')).toEqual({ windowSeconds: 4 });
    source.tags.set('churn', { 'flywheel.monitoring': '{"windowSeconds": 8}' });
    advance(29_999);
    expect(await overrides.overrideFor('churn')).toEqual({ windowSeconds: 4 });
    expect(source.reads).toBe(1);
    advance(1);
    expect(await overrides.overrideFor('churn')).toEqual({ windowSeconds: 8 });
    expect(source.reads).toBe(2);
  });

  it('has no override for an unregistered model or one without the tag', async () => {
    const { source, overrides } = setup();
    source.tags.set('plain', { owner: 'team-a' });
    expect(await overrides.overrideFor('plain')).toBeUndefined();
    expect(await overrides.overrideFor('unregistered')).toBeUndefined();
  });

  it('ignores an invalid tag, warning once per value, and follows a corrected one', async () => {
    const { source, overrides, logged, advance } = setup(0);
    source.tags.set('churn', { 'flywheel.monitoring': '{"windowSeconds": -1}' });
    expect(await overrides.overrideFor('churn')).toBeUndefined();
    advance(1);
    expect(await overrides.overrideFor('churn')).toBeUndefined();
    expect(logged.filter((entry) => entry.level === 'warn')).toEqual([
      expect.objectContaining({ fields: { model: 'churn', reason: expect.stringMatching(/windowSeconds/) } }),
    ]);
    source.tags.set('churn', { 'flywheel.monitoring': '{"consecutiveWindows": 2}' });
    advance(1);
    expect(await overrides.overrideFor('churn')).toEqual({ consecutiveWindows: 2 });
  });

  it('keeps the settings read last while the registry cannot be reached', async () => {
    const { source, overrides, logged, advance } = setup(10);
    source.tags.set('churn', { 'flywheel.monitoring': '{"windowSeconds": 4}' });
    await overrides.overrideFor('churn');
    source.failure = new Error('UNAVAILABLE');
    advance(10);
    expect(await overrides.overrideFor('churn')).toEqual({ windowSeconds: 4 });
    expect(logged.at(-1)).toMatchObject({
      level: 'warn',
      message: expect.stringMatching(/keeping the settings read last/),
    });
    const readsWhileDown = source.reads;
    advance(5);
    await overrides.overrideFor('churn');
    expect(source.reads).toBe(readsWhileDown); // failures are not retried before the interval
  });
});
