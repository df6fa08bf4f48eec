import { z } from 'zod';
import { choiceVariable } from '../variables';
import { pemFileVariable } from './tls-variables';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How the process authenticates to Kafka and protects the connection (`security` of `KafkaEventBus`). */
export interface KafkaSecurityConfig {
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
  /** TLS on; `ca` (PEM, read from `caFile`) replaces the system's trusted CAs. */
  tls?: { ca?: string; caFile?: string };
}

/** Kafka's SASL and TLS settings; the password may also come from FLYWHEEL_KAFKA_SASL_PASSWORD_FILE. */
export const kafkaSecurityVariables = {
  FLYWHEEL_KAFKA_SASL_MECHANISM: z
    .string()
    .optional()
    .transform((raw, ctx): KafkaSaslMechanism | undefined => {
      if (raw === undefined) return undefined;
      const mechanism = KAFKA_SASL_MECHANISMS.find((candidate) => candidate === raw.trim().toLowerCase());
      if (mechanism === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected one of ${KAFKA_SASL_MECHANISMS.join(', ')}, got "${raw}"` });
        return z.NEVER;
      }
      return mechanism;
    })
    .describe(`Kafka SASL mechanism: ${KAFKA_SASL_MECHANISMS.join(', ')} (unset: no SASL)`),
  FLYWHEEL_KAFKA_SASL_USERNAME: z.string().optional().describe('Kafka SASL user name'),
  FLYWHEEL_KAFKA_SASL_PASSWORD: z.string().optional().describe('Kafka SASL password'),
  FLYWHEEL_KAFKA_TLS: choiceVariable(['on', 'off'], 'off').describe(
    'on: connect to Kafka over TLS (default off)',
  ),
  FLYWHEEL_KAFKA_TLS_CA_FILE: pemFileVariable('certificate').describe(
    "PEM CA certificate(s) Kafka's certificate must chain to (default: the system's trusted CAs)",
  ),
};

export type KafkaSecurityVariables = z.output<z.ZodObject<typeof kafkaSecurityVariables>>;

const SASL_VARIABLES = [
  'FLYWHEEL_KAFKA_SASL_MECHANISM',
  'FLYWHEEL_KAFKA_SASL_USERNAME',
  'FLYWHEEL_KAFKA_SASL_PASSWORD',
] as const;

/**
 * The SASL trio comes together, `plain` (the password on the wire) only over TLS, a CA file only
 * with TLS on, and none of it without FLYWHEEL_KAFKA_BROKERS (the in-process bus has no login).
 */
export function checkKafkaSecurityVariables(
  v: KafkaSecurityVariables & { FLYWHEEL_KAFKA_BROKERS?: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  const problem = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
  const saslSet = SASL_VARIABLES.filter((name) => v[name] !== undefined);
  if (saslSet.length > 0) {
    for (const missing of SASL_VARIABLES.filter((name) => v[name] === undefined)) {
      problem(missing, requiredWhen(saslSet));
    }
  }
  // A value that failed its own check arrives as zod's abort marker: judge only valid ones.
  if (v.FLYWHEEL_KAFKA_SASL_MECHANISM === 'plain' && v.FLYWHEEL_KAFKA_TLS === 'off') {
    problem(
      'FLYWHEEL_KAFKA_SASL_MECHANISM',
      'plain sends the password in clear text: set FLYWHEEL_KAFKA_TLS=on or use scram-sha-512',
    );
  }
  if (v.FLYWHEEL_KAFKA_TLS_CA_FILE !== undefined && v.FLYWHEEL_KAFKA_TLS === 'off') {
    problem('FLYWHEEL_KAFKA_TLS', 'must be on when FLYWHEEL_KAFKA_TLS_CA_FILE is set');
  }
  const securitySet = [...saslSet, ...(v.FLYWHEEL_KAFKA_TLS === 'on' ? ['FLYWHEEL_KAFKA_TLS'] : [])];
  if (securitySet.length > 0 && v.FLYWHEEL_KAFKA_BROKERS === undefined) {
    problem('FLYWHEEL_KAFKA_BROKERS', requiredWhen(securitySet));
  }
}

function requiredWhen(set: readonly string[]): string {
  return `is required when ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set`;
}

/** The security settings for the brokers, or undefined for a plaintext, unauthenticated connection. */
export function kafkaSecurityOf(v: KafkaSecurityVariables): KafkaSecurityConfig | undefined {
  const mechanism = v.FLYWHEEL_KAFKA_SASL_MECHANISM;
  const username = v.FLYWHEEL_KAFKA_SASL_USERNAME;
  const password = v.FLYWHEEL_KAFKA_SASL_PASSWORD;
  const ca = v.FLYWHEEL_KAFKA_TLS_CA_FILE;
  const security: KafkaSecurityConfig = {
    ...(mechanism && username && password && { sasl: { mechanism, username, password } }),
    ...(v.FLYWHEEL_KAFKA_TLS === 'on' && { tls: ca ? { ca: ca.pem, caFile: ca.file } : {} }),
  };
  return security.sasl || security.tls ? security : undefined;
}
