const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Parses the JWKS address. Signing keys fetched over plain HTTP could be swapped by anyone on
 * the path, so http is accepted only for loopback (tests, a sidecar proxy); anything else must
 * be https.
 */
export function jwksUrlOf(value: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || url.host === '') {
    throw new Error('OIDC JWKS URL must be an absolute https:// URL');
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new Error('OIDC JWKS URL must use https:// (http:// only on a loopback address)');
}
