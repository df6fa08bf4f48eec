import { LruMap } from './lru-map';

describe('LruMap', () => {
  it('evicts the least recently used entry beyond capacity, counting reads as use', () => {
    const evicted: string[] = [];
    const map = new LruMap<string, number>(2, (key) => evicted.push(key));
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect([map.has('a'), map.has('b'), map.has('c')]).toEqual([true, false, true]);
  });

  it('rejects a capacity below one', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});
