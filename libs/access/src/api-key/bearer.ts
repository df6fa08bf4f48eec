export type BearerParse =
  { ok: true; token: string } | { ok: false; reason: 'missing' | 'malformed'; message: string };

// RFC 6750: the scheme is case-insensitive, one space, then a token68. Anything else (tabs,
// double spaces, trailing blanks, a second token) is rejected rather than trimmed, so two
// components can never disagree about what the credential was.
const BEARER_PATTERN = /^bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

/** Extracts the token from an `authorization` header value (repeated headers are malformed). */
export function parseBearer(headerValue: string | readonly string[] | undefined): BearerParse {
  if (headerValue === undefined || headerValue === '') {
    return { ok: false, reason: 'missing', message: 'authorization header is missing' };
  }
  if (typeof headerValue !== 'string') {
    if (headerValue.length === 1 && typeof headerValue[0] === 'string') return parseBearer(headerValue[0]);
    return { ok: false, reason: 'malformed', message: 'authorization header must appear exactly once' };
  }
  const match = BEARER_PATTERN.exec(headerValue);
  if (!match?.[1]) {
    return { ok: false, reason: 'malformed', message: 'authorization header must be "Bearer <token>"' };
  }
  return { ok: true, token: match[1] };
}
