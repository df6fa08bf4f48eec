import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { describePlatformVariables, loadPlatformConfig } from './platform-config';
import { SECRET_VARIABLES } from './platform-variables';

function problemVariables(env: Record<string, string>): string[] {
  try {
    loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.variable);
    throw error;
  }
  return [];
}

describe('loadPlatformConfig', () => {
  it('defaults to the embedded standalone shape under ./.flywheel', () => {
    const config = loadPlatformConfig({});
    const dataDir = resolve('.flywheel');
    expect(config).toEqual({
      dataDir,
      kafka: { kind: 'in-process' },
      database: { kind: 'pglite', dataDir: `${dataDir}/pglite` },
      clickhouse: { kind: 'chdb', path: `${dataDir}/clickhouse` },
      artifacts: { kind: 'file', uri: `file://${dataDir}/artifacts`, dir: `${dataDir}/artifacts` },
      s3: { region: 'us-east-1' },
      bindHost: '127.0.0.1',
      adminPort: 9464,
      ports: {
        ingestion: { grpc: 50054 },
        tracking: { grpc: 50051, http: 5000 },
        registry: { grpc: 50052, http: 5001 },
        orchestration: { grpc: 50053 },
        'serving-gateway': { grpc: 8001, http: 8000 },
        monitoring: { grpc: 50055 },
      },
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      auth: { enabled: false },
      limits: {
        maxRequestBytes: 16 * 1024 * 1024,
        maxPageSize: 1000,
        rateLimitPerSecond: 200,
        requestTimeoutMs: 30_000,
      },
    });
  });

  it('derives embedded locations from FLYWHEEL_DATA_DIR', () => {
    const config = loadPlatformConfig({ FLYWHEEL_DATA_DIR: '/var/lib/flywheel' });
    expect(config.clickhouse).toEqual({ kind: 'chdb', path: '/var/lib/flywheel/clickhouse' });
    expect(config.artifacts).toMatchObject({ kind: 'file', dir: '/var/lib/flywheel/artifacts' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/flywheel/pglite' });
  });

  it('selects real servers when their variables are set', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_KAFKA_BROKERS: '127.0.0.1:9092, 10.0.0.2:9093',
      FLYWHEEL_DATABASE_URL: 'postgres://flywheel:flywheel@127.0.0.1:5432/flywheel',
      FLYWHEEL_CLICKHOUSE_URL: 'https://clickhouse.internal:8443',
      FLYWHEEL_ARTIFACT_ROOT: 's3://flywheel-artifacts/models/prod/',
      FLYWHEEL_S3_ENDPOINT: 'http://127.0.0.1:9000',
      FLYWHEEL_S3_ACCESS_KEY_ID: 'flywheel',
      FLYWHEEL_S3_SECRET_ACCESS_KEY: 'flywheel-secret',
    });
    expect(config.kafka).toEqual({ kind: 'brokers', brokers: ['127.0.0.1:9092', '10.0.0.2:9093'] });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://flywheel:flywheel@127.0.0.1:5432/flywheel',
    });
    expect(config.clickhouse).toEqual({ kind: 'http', url: 'https://clickhouse.internal:8443' });
    expect(config.artifacts).toEqual({
      kind: 's3',
      uri: 's3://flywheel-artifacts/models/prod/',
      bucket: 'flywheel-artifacts',
      prefix: 'models/prod',
    });
    expect(config.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'flywheel', secretAccessKey: 'flywheel-secret' },
    });
  });

  it('accepts chdb:// and file:// locations as directories', () => {
    const config = loadPlatformConfig({
      FLYWHEEL_CLICKHOUSE_URL: 'chdb:///tmp/ch',
      FLYWHEEL_ARTIFACT_ROOT: 'file://./art',
    });
    expect(config.clickhouse).toEqual({ kind: 'chdb', path: '/tmp/ch' });
    expect(config.artifacts).toEqual({ kind: 'file', uri: `file://${resolve('art')}`, dir: resolve('art') });
  });

  it('rejects URLs with the wrong scheme, naming each variable', () => {
    expect(
      problemVariables({
        FLYWHEEL_DATABASE_URL: 'mysql://db:3306/x',
        FLYWHEEL_CLICKHOUSE_URL: 'tcp://clickhouse:9000',
        FLYWHEEL_ARTIFACT_ROOT: 'gs://bucket/prefix',
        FLYWHEEL_S3_ENDPOINT: 'minio:9000',
        FLYWHEEL_OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317',
        FLYWHEEL_KAFKA_BROKERS: 'broker-without-port',
      }),
    ).toEqual([
      'FLYWHEEL_KAFKA_BROKERS',
      'FLYWHEEL_DATABASE_URL',
      'FLYWHEEL_CLICKHOUSE_URL',
      'FLYWHEEL_ARTIFACT_ROOT',
      'FLYWHEEL_S3_ENDPOINT',
      'FLYWHEEL_OTEL_EXPORTER_OTLP_ENDPOINT',
    ]);
  });

  it('rejects an invalid bucket name and an empty chdb directory', () => {
    expect(
      problemVariables({ FLYWHEEL_ARTIFACT_ROOT: 's3://Bad_Bucket/x', FLYWHEEL_CLICKHOUSE_URL: 'chdb://' }),
    ).toEqual(['FLYWHEEL_CLICKHOUSE_URL', 'FLYWHEEL_ARTIFACT_ROOT']);
  });

  it('reports half an S3 key pair together with unrelated problems', () => {
    expect(problemVariables({ FLYWHEEL_S3_ACCESS_KEY_ID: 'id', FLYWHEEL_ADMIN_PORT: '0' })).toEqual([
      'FLYWHEEL_ADMIN_PORT',
      'FLYWHEEL_S3_SECRET_ACCESS_KEY',
    ]);
  });

  it('never echoes a database URL, which may hold a password', () => {
    expect(() => loadPlatformConfig({ FLYWHEEL_DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('lets flags override ports and refuses secrets given as flags', () => {
    expect(loadPlatformConfig({ FLYWHEEL_ADMIN_PORT: '1' }, { 'admin-port': '9999' }).adminPort).toBe(9999);
    expect(() => loadPlatformConfig({}, { 's3-secret-access-key': 'x' })).toThrow(/environment only/);
  });
});

describe('describePlatformVariables', () => {
  it('gives every variable a description and every non-secret one a flag', () => {
    const variables = describePlatformVariables();
    expect(variables.every((variable) => variable.description !== '')).toBe(true);
    expect(variables.find((v) => v.variable === 'FLYWHEEL_ADMIN_PORT')?.flag).toBe('admin-port');
    expect(variables.find((v) => v.variable === 'FLYWHEEL_S3_SECRET_ACCESS_KEY')?.flag).toBeUndefined();
  });

  it('lists a <NAME>_FILE variable, with a flag, after every secret', () => {
    const names = describePlatformVariables().map((v) => v.variable);
    for (const secret of SECRET_VARIABLES) {
      expect(names[names.indexOf(secret) + 1]).toBe(`${secret}_FILE`);
    }
    expect(describePlatformVariables().find((v) => v.variable === 'FLYWHEEL_AUTH_PEPPER_FILE')?.flag).toBe(
      'auth-pepper-file',
    );
  });
});
