import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { RandomBytes } from './api-key-token';

export const API_KEY_SALT_BYTES = 16;

/**
 * HMAC-SHA256 keyed by the server's pepper over `salt:secret`, base64url. A fast hash is
 * enough because secrets are 256 random bits, not passwords: there is nothing to brute-force,
 * and verification runs on every request. The pepper (kept out of the database) means a
 * leaked key table alone cannot even confirm a guessed token.
 */
export function hashApiKeySecret(secret: string, salt: string, pepper = ''): string {
  return createHmac('sha256', pepper).update(salt).update(':').update(secret).digest('base64url');
}

export function generateApiKeySalt(random: RandomBytes = randomBytes): string {
  return Buffer.from(random(API_KEY_SALT_BYTES)).toString('base64url');
}

/** Constant-time comparison of two base64url digests; unequal lengths are simply unequal. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
