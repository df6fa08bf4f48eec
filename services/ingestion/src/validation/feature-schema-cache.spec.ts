import type { FeatureSchema } from './feature-schema';
import { FeatureSchemaCache, type FeatureSchemaSource } from './feature-schema-cache';

const schema: FeatureSchema = { inputs: [{ name: 'age', kind: 'numeric' }] };

class RecordingSource implements FeatureSchemaSource {
  calls = 0;
  failing = false;
  schemaOf(): Promise<FeatureSchema | undefined> {
    this.calls++;
    return this.failing ? Promise.reject(new Error('registry down')) : Promise.resolve(schema);
  }
}

describe('FeatureSchemaCache', () => {
  let now = 0;
  const clock = (): number => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('asks the registry once per model version within the TTL, and again after it', async () => {
    const source = new RecordingSource();
    const cache = new FeatureSchemaCache(source, 60_000, 5_000, clock);
    await expect(Promise.all([cache.lookup('m', 1), cache.lookup('m', 1)])).resolves.toEqual([
      { available: true, schema },
      { available: true, schema },
    ]);
    await cache.lookup('m', 2);
    expect(source.calls).toBe(2);
    now += 60_001;
    await cache.lookup('m', 1);
    expect(source.calls).toBe(3);
  });

  it('reports an unreachable registry and asks again after the retry delay, not on every batch', async () => {
    const source = new RecordingSource();
    source.failing = true;
    const cache = new FeatureSchemaCache(source, 60_000, 5_000, clock);
    await expect(cache.lookup('m', 1)).resolves.toEqual({ available: false });
    await expect(cache.lookup('m', 1)).resolves.toEqual({ available: false });
    expect(source.calls).toBe(1);
    source.failing = false;
    now += 5_001;
    await expect(cache.lookup('m', 1)).resolves.toEqual({ available: true, schema });
  });
});
