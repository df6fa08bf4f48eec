import type { PlatformConfig } from '@flywheel/config';

/**
 * What listening on the configured address means for this process:
 * - `refuse`: no authentication on an address other machines can reach;
 * - `warn`: allowed, with a line for the operator (no authentication on loopback; keys in
 *   clear text on the network);
 * - `ok`: nothing to say.
 */
export type ExposureDecision =
  { kind: 'ok' } | { kind: 'warn'; warning: string } | { kind: 'refuse'; problem: string };

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The loopback rule: without `FLYWHEEL_AUTH=on`, every listener stays on loopback (the
 * standalone shape's default) and start-up says so; any other bind address is refused.
 */
export function exposureDecision(
  config: Pick<PlatformConfig, 'auth' | 'bindHost' | 'tls'>,
): ExposureDecision {
  const loopback = isLoopbackHost(config.bindHost);
  if (!config.auth.enabled) {
    if (loopback) {
      return {
        kind: 'warn',
        warning:
          'authentication is OFF: listening on loopback only (set FLYWHEEL_AUTH=on and FLYWHEEL_AUTH_PEPPER ' +
          'to require API keys and to listen on other addresses)',
      };
    }
    return {
      kind: 'refuse',
      problem:
        `FLYWHEEL_BIND_HOST=${config.bindHost} is not a loopback address and FLYWHEEL_AUTH is off. ` +
        'Without authentication Flywheel listens on loopback only (127.0.0.1, ::1 or localhost). ' +
        'Set FLYWHEEL_AUTH=on with FLYWHEEL_AUTH_PEPPER (and create keys with "flywheel keys create"), ' +
        'or keep FLYWHEEL_BIND_HOST on loopback.',
    };
  }
  if (!loopback && config.tls === undefined) {
    return {
      kind: 'warn',
      warning:
        `TLS is off on ${config.bindHost}: API keys and tokens cross the network in clear text ` +
        '(set FLYWHEEL_TLS_CERT_FILE and FLYWHEEL_TLS_KEY_FILE, or terminate TLS in front of Flywheel)',
    };
  }
  return { kind: 'ok' };
}
