/**
 * Addresses of the real servers started by `npm run stack:up` (scripts/stack). The
 * defaults match the scripts; `FLYWHEEL_TEST_*` variables point tests elsewhere.
 */
export interface TestStack {
  kafkaBrokers: string[];
  /** The broker's SASL_PLAINTEXT listener, which accepts only SCRAM-SHA-512 for this user. */
  kafkaSasl: { brokers: string[]; mechanism: 'scram-sha-512'; username: string; password: string };
  databaseUrl: string;
  s3: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string };
  /**
   * FLYWHEEL_AUTH_PEPPER for tests that run services or the CLI with authentication: one known
   * value, so scripts/test.sh can check that no log of the run contains it.
   */
  authPepper: string;
}

export function testStack(env: NodeJS.ProcessEnv = process.env): TestStack {
  return {
    kafkaBrokers: (env.FLYWHEEL_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    kafkaSasl: {
      brokers: (env.FLYWHEEL_TEST_KAFKA_SASL_BROKERS ?? '127.0.0.1:9094').split(',').map((b) => b.trim()),
      mechanism: 'scram-sha-512',
      username: env.FLYWHEEL_TEST_KAFKA_SASL_USERNAME ?? 'flywheel-scram',
      password: env.FLYWHEEL_TEST_KAFKA_SASL_PASSWORD ?? 'flywheel-scram-secret',
    },
    databaseUrl: env.FLYWHEEL_TEST_DATABASE_URL ?? 'postgres://flywheel:flywheel@127.0.0.1:5432/flywheel',
    s3: {
      endpoint: env.FLYWHEEL_TEST_S3_ENDPOINT ?? 'http://127.0.0.1:9000',
      accessKeyId: env.FLYWHEEL_TEST_S3_ACCESS_KEY ?? 'flywheel',
      secretAccessKey: env.FLYWHEEL_TEST_S3_SECRET_KEY ?? 'flywheel-secret',
      region: env.FLYWHEEL_TEST_S3_REGION ?? 'us-east-1',
    },
    authPepper: env.FLYWHEEL_TEST_AUTH_PEPPER ?? 'flywheel-test-auth-pepper-0123456789',
  };
}
