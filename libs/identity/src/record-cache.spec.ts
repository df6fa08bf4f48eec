import { RecordCache } from './record-cache';

describe('RecordCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it('reuses a loaded value within the TTL and reloads after it', async () => {
    const cache = new RecordCache<number>(5_000, 10, clock);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('a', load).value).toBe(1);
    now += 4_999;
    expect(cache.get('a', load).cached).toBe(true);
    now += 1;
    expect(await cache.get('a', load).value).toBe(2);
  });

  it('shares one pending load between concurrent callers', async () => {
    const cache = new RecordCache<string>(5_000, 10, clock);
    let loads = 0;
    const load = () => Promise.resolve(`v${++loads}`);
    const [first, second] = [cache.get('k', load), cache.get('k', load)];
    expect(await Promise.all([first.value, second.value])).toEqual(['v1', 'v1']);
    expect(loads).toBe(1);
  });

  it('drops a failed load so the next caller retries', async () => {
    const cache = new RecordCache<string>(5_000, 10, clock);
    await expect(cache.get('k', () => Promise.reject(new Error('db down'))).value).rejects.toThrow('db down');
    expect(await cache.get('k', () => Promise.resolve('ok')).value).toBe('ok');
  });

  it('evicts the oldest entries beyond maxEntries', async () => {
    const cache = new RecordCache<string>(5_000, 2, clock);
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(key)).value;
    expect(cache.size).toBe(2);
    expect(cache.get('a', () => Promise.resolve('again')).cached).toBe(false);
  });
});
