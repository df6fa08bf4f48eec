import { murmur3 } from './murmur3';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('murmur3 (x86, 32-bit)', () => {
  // Reference vectors of the canonical C++ implementation (SMHasher's MurmurHash3_x86_32).
  it.each<[string, Uint8Array, number, number]>([
    ['empty, seed 0', bytes(), 0, 0],
    ['empty, seed 1', bytes(), 1, 0x514e28b7],
    ['empty, seed 0xffffffff', bytes(), 0xffffffff, 0x81f16f39],
    ['ff ff ff ff', bytes(0xff, 0xff, 0xff, 0xff), 0, 0x76293b50],
    ['21 43 65 87', bytes(0x21, 0x43, 0x65, 0x87), 0, 0xf55b516b],
    ['21 43 65 87, seed 0x5082edee', bytes(0x21, 0x43, 0x65, 0x87), 0x5082edee, 0x2362f9de],
    ['21 43 65 (3-byte tail)', bytes(0x21, 0x43, 0x65), 0, 0x7e4a8634],
    ['21 43 (2-byte tail)', bytes(0x21, 0x43), 0, 0xa0f7b07a],
    ['21 (1-byte tail)', bytes(0x21), 0, 0x72661cf4],
    ['00 00 00 00', bytes(0, 0, 0, 0), 0, 0x2362f9de],
    ['"hello"', text('hello'), 0, 0x248bfa47],
    ['"abc"', text('abc'), 0, 0xb3dd93fa],
    ['"aaaa", seed 0x9747b28c', text('aaaa'), 0x9747b28c, 0x5a97808a],
    ['"Hello, world!", seed 0x9747b28c', text('Hello, world!'), 0x9747b28c, 0x24884cba],
    ['"ππππππππ" (UTF-8), seed 0x9747b28c', text('ππππππππ'), 0x9747b28c, 0xd58063c1],
    [
      '"The quick brown fox jumps over the lazy dog", seed 0x9747b28c',
      text('The quick brown fox jumps over the lazy dog'),
      0x9747b28c,
      0x2fa826cd,
    ],
  ])('hashes %s like the reference implementation', (_name, input, seed, expected) => {
    expect(murmur3(input, seed)).toBe(expected);
  });

  it('returns an unsigned 32-bit integer', () => {
    const hash = murmur3(text('user-123'), 0);
    expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
  });
});
