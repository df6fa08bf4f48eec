import fc from 'fast-check';
import { MAX_KEYS, SeenKeys, fnv1a } from './seen-keys';

/** Adds each key of `names` (laid out in one buffer) to a new map; the results of `add`. */
function addAll(
  seen: SeenKeys,
  names: string[],
  hash: (buf: Uint8Array, start: number, end: number) => number = fnv1a,
): boolean[] {
  const buf = Buffer.from(names.join(''));
  seen.next(buf);
  let start = 0;
  return names.map((name) => {
    const end = start + Buffer.byteLength(name);
    const added = seen.add(start, end, hash(buf, start, end));
    start = end;
    return added;
  });
}

describe('SeenKeys', () => {
  it('refuses exactly the keys met before in the same map, like a Set', () => {
    const seen = new SeenKeys();
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 }), (names) => {
        const expected = new Set<string>();
        const wanted = names.map((name) => !expected.has(name) && (expected.add(name), true));
        expect(addAll(seen, names)).toEqual(wanted);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells keys apart when every hash collides', () => {
    expect(addAll(new SeenKeys(), ['a', 'b', 'ab', 'b', 'ba', 'a'], () => 7)).toEqual([
      true,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it('starts every map empty', () => {
    const seen = new SeenKeys();
    expect(addAll(seen, ['x', 'y'])).toEqual([true, true]);
    expect(addAll(seen, ['y', 'x'])).toEqual([true, true]);
  });

  it(`refuses beyond ${MAX_KEYS} keys in one map`, () => {
    const names = Array.from({ length: MAX_KEYS + 1 }, (_, i) => `k${i}`);
    const added = addAll(new SeenKeys(), names);
    expect(added.slice(0, MAX_KEYS).every(Boolean)).toBe(true);
    expect(added[MAX_KEYS]).toBe(false);
  });
});
