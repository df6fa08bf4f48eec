/**
 * Addresses of the real servers started by `npm run stack:up` (scripts/stack). The
 * defaults match the scripts; `FLYWHEEL_TEST_*` variables point tests elsewhere.
 */
export interface TestStack {
  kafkaBrokers: string[];
  databaseUrl: string;
  s3: { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string };
}

export function testStack(env: NodeJS.ProcessEnv = process.env): TestStack {
  return {
    kafkaBrokers: (env.FLYWHEEL_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    databaseUrl: env.FLYWHEEL_TEST_DATABASE_URL ?? 'postgres://flywheel:flywheel@127.0.0.1:5432/flywheel',
    s3: {
      endpoint: env.FLYWHEEL_TEST_S3_ENDPOINT ?? 'http://127.0.0.1:9000',
      accessKeyId: env.FLYWHEEL_TEST_S3_ACCESS_KEY ?? 'flywheel',
      secretAccessKey: env.FLYWHEEL_TEST_S3_SECRET_KEY ?? 'flywheel-secret',
      region: env.FLYWHEEL_TEST_S3_REGION ?? 'us-east-1',
    },
  };
}
