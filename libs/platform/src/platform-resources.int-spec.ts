import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlatformConfig } from '@flywheel/config';
import { InProcessEventBus } from '@flywheel/kafka';
import { busRoundTrip, clickhouseRoundTrip, postgresRoundTrip, storeRoundTrip } from '../test/round-trips';
import { PlatformResources } from './platform-resources';

describe('PlatformResources with the embedded defaults', () => {
  let dataDir: string;
  let resources: PlatformResources;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-platform-'));
    resources = new PlatformResources(loadPlatformConfig({ FLYWHEEL_DATA_DIR: dataDir }));
  });

  afterAll(async () => {
    await resources.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('carries events over the in-process bus', async () => {
    expect(resources.eventBus()).toBeInstanceOf(InProcessEventBus);
    await expect(busRoundTrip(resources)).resolves.toBe('hello');
  });

  it('answers SQL over pg from PGlite started under the data dir', async () => {
    await expect(postgresRoundTrip(resources)).resolves.toBe(1);
    expect((await resources.postgres()).target).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  });

  it('answers ClickHouse SQL from chDB under the data dir', async () => {
    await expect(clickhouseRoundTrip(resources)).resolves.toBe(42);
    expect(existsSync(join(dataDir, 'clickhouse'))).toBe(true);
  });

  it('stores artifacts as files under the data dir', async () => {
    await expect(storeRoundTrip(resources, 'models/m1/model.onnx')).resolves.toBe('model bytes');
    expect(existsSync(join(dataDir, 'artifacts', 'models', 'm1', 'model.onnx'))).toBe(true);
  });

  it('reports every opened resource ready', async () => {
    const checks = resources.dependencyChecks();
    expect(checks.map((check) => check.name).sort()).toEqual([
      'artifact-store',
      'clickhouse',
      'event-bus',
      'postgres',
    ]);
    await Promise.all(checks.map((check) => expect(check.check()).resolves.toBeUndefined()));
  });

  it('closes everything once; a second close is a no-op', async () => {
    const pool = await resources.postgres();
    await resources.close();
    await expect(pool.query('SELECT 1')).rejects.toThrow(/closed/);
    await expect(resources.close()).resolves.toBeUndefined();
    // The data folders were released: a new process-wide set opens the same ones again.
    const reopened = new PlatformResources(loadPlatformConfig({ FLYWHEEL_DATA_DIR: dataDir }));
    try {
      await expect(postgresRoundTrip(reopened)).resolves.toBe(1);
    } finally {
      await reopened.close();
    }
  });
});
