/** Shortest pepper accepted: a server secret guessable by brute force protects nothing. */
export const MIN_PEPPER_LENGTH = 16;

/**
 * Checks the server-side secret mixed into every key digest (`FLYWHEEL_AUTH_PEPPER`). The
 * message never includes the value, so a misconfiguration cannot leak it into logs.
 */
export function assertPepper(pepper: string, field = 'FLYWHEEL_AUTH_PEPPER'): string {
  if (typeof pepper !== 'string' || pepper.length < MIN_PEPPER_LENGTH) {
    throw new Error(`${field} must be a secret of at least ${MIN_PEPPER_LENGTH} characters`);
  }
  return pepper;
}
