const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3 x86 32-bit of `bytes`, unsigned. Chosen over FNV-1a because its final mix
 * spreads keys that differ in one character (user-1, user-2) evenly across buckets.
 */
export function murmur3(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const blockEnd = bytes.length - (bytes.length % 4);
  for (let i = 0; i < blockEnd; i += 4) {
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h ^= scramble(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (blockEnd < bytes.length) {
    // The last 1-3 bytes, little-endian, as one partial block.
    let tail = 0;
    for (let i = bytes.length - 1; i >= blockEnd; i--) tail = (tail << 8) | bytes[i]!;
    h ^= scramble(tail);
  }
  h ^= bytes.length;
  return finalMix(h) >>> 0;
}

function scramble(k: number): number {
  let x = Math.imul(k, C1);
  x = (x << 15) | (x >>> 17);
  return Math.imul(x, C2);
}

function finalMix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}
