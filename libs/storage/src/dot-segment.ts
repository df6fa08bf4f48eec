const DECODE_ROUNDS = 4;

/**
 * True for a path segment that is `.` or `..`, or percent-decodes to one, also through
 * several layers of encoding (`%2e%2e`, `%252e%252e`): URL parsers, proxies and SDKs resolve
 * such segments silently, so a URI holding one is refused outright rather than normalized.
 * A `%` that starts no valid escape is ordinary text (`100%`).
 */
export function isDotSegment(segment: string): boolean {
  let current = segment;
  for (let round = 0; round <= DECODE_ROUNDS; round += 1) {
    if (current === '.' || current === '..') return true;
    const decoded = decodedOnce(current);
    if (decoded === current) return false;
    current = decoded;
  }
  return false;
}

function decodedOnce(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
