/** Share of examples held out for evaluation. */
export const HOLDOUT_SHARE = 0.2;

/** FNV-1a 32-bit of a string's UTF-16 code units: a stable, dependency-free bucket. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Whether a request belongs to the holdout set, by a hash of its id: the same request is on the
 * same side in every run (training, evaluation, the champion's re-evaluation).
 */
export const isHoldout = (requestId: string): boolean => fnv1a(requestId) % 1000 < HOLDOUT_SHARE * 1000;
