import { ROLES } from '@flywheel/access';

/** The `flywheel keys` part of `flywheel --help`. */
export function keysUsage(): string {
  return `API keys (in the configured database: FLYWHEEL_DATABASE_URL, or the embedded one under
FLYWHEEL_DATA_DIR, which must not be open in a running flywheel process):

  flywheel keys create --role <role> [--expires <duration>] [--name <label>]
      Issues a key and prints it once on stdout (id, role and expiry on stderr).
      <role>: ${ROLES.join(', ')}; <duration>: e.g. 90m, 12h, 30d (default: never expires).
      Needs FLYWHEEL_AUTH_PEPPER (or FLYWHEEL_AUTH_PEPPER_FILE), the pepper the services use.
  flywheel keys list [--active]
      Every key (--active: neither revoked nor expired): id, name, role, created, expires,
      last used, revoked. Never a secret.
  flywheel keys revoke <id>
      Revokes a key; services stop accepting it within their key cache time (5 s).
`;
}
