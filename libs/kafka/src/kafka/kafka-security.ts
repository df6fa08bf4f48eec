import type { KafkaConfig, SASLOptions } from 'kafkajs';

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/**
 * How the client proves who it is and protects the connection. `sasl` authenticates (SCRAM
 * keeps the password off the wire; `plain` sends it, so use it only with `tls`); `tls: true`
 * encrypts with the system's trusted CAs, `{ ca }` trusts that PEM text instead.
 */
export interface KafkaSecurity {
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
  tls?: boolean | { ca?: string };
}

/**
 * kafkajs's `ssl` and `sasl` settings for `security`.
 * @throws Error naming the bad field; the password is never part of the message.
 */
export function kafkaSecurityConfig(security: KafkaSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  if (security === undefined) return {};
  const config: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  const { sasl, tls } = security;
  if (sasl !== undefined) {
    if (!(SASL_MECHANISMS as readonly string[]).includes(sasl.mechanism)) {
      throw new Error(`security.sasl.mechanism must be one of ${SASL_MECHANISMS.join(', ')}, got "${String(sasl.mechanism)}"`);
    }
    if (typeof sasl.username !== 'string' || sasl.username === '') throw new Error('security.sasl.username must not be empty');
    if (typeof sasl.password !== 'string' || sasl.password === '') throw new Error('security.sasl.password must not be empty');
    config.sasl = { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
  }
  if (tls === true) config.ssl = true;
  else if (typeof tls === 'object') {
    if (tls.ca !== undefined && !tls.ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new Error('security.tls.ca must be PEM text holding at least one certificate');
    }
    config.ssl = tls.ca === undefined ? true : { ca: [tls.ca] };
  }
  return config;
}

/** The secret values of `security`, for scrubbing them from anything logged. */
export function securitySecrets(security: KafkaSecurity | undefined): string[] {
  const password = security?.sasl?.password;
  return password ? [password] : [];
}
