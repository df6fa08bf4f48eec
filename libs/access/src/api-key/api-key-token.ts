import { randomBytes } from 'node:crypto';

/** Source of cryptographically secure random bytes; injectable so tests are deterministic. */
export type RandomBytes = (size: number) => Uint8Array;

export const API_KEY_PREFIX = 'fwk';
export const API_KEY_ID_LENGTH = 12;
export const API_KEY_SECRET_BYTES = 32;

// RFC 4648 base32 in lower case: no `_`, so the id never blurs into the separators.
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
// 43 base64url characters carry 32 bytes exactly; the strict pattern lets parsing skip decoding.
const TOKEN_PATTERN = /^fwk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  /** Public key id, stored in clear and used to look the record up. */
  id: string;
  /** 32 random bytes, base64url; shown once, never stored. */
  secret: string;
  /** What the client sends: `fwk_<id>_<secret>`. */
  token: string;
}

export function generateApiKey(random: RandomBytes = randomBytes): GeneratedApiKey {
  const id = base32(random(API_KEY_ID_LENGTH)).slice(0, API_KEY_ID_LENGTH);
  const secret = Buffer.from(random(API_KEY_SECRET_BYTES)).toString('base64url');
  if (id.length !== API_KEY_ID_LENGTH || secret.length !== 43) {
    throw new RangeError('random source returned too few bytes for an API key');
  }
  return { id, secret, token: `${API_KEY_PREFIX}_${id}_${secret}` };
}

/** Splits a token into id and secret; undefined when it is not exactly the documented format. */
export function parseApiKeyToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const secret = match[2];
  // The last character holds 4 data bits; a non-canonical one would decode to the same bytes.
  if (Buffer.from(secret, 'base64url').toString('base64url') !== secret) return undefined;
  return { id: match[1], secret };
}

/** The key id of a well-formed token, for looking up its stored record. */
export function apiKeyIdOf(token: string): string | undefined {
  return parseApiKeyToken(token)?.id;
}

// One character per byte (5 of its 8 bits): uniform because 256 is a multiple of 32.
function base32(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += BASE32_ALPHABET[byte & 31];
  return out;
}
