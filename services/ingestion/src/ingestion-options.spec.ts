import { ConfigError, loadPlatformConfig } from '@flywheel/config';
import { ingestionOptionsFrom } from './ingestion-options';

describe('ingestionOptionsFrom', () => {
  const platform = loadPlatformConfig({});

  it('defaults to the flywheel topics and database and the local registry', () => {
    expect(ingestionOptionsFrom(platform, {})).toEqual({
      database: 'flywheel',
      retentionDays: 30,
      topics: { logs: 'flywheel.inference.logs.v1', feedback: 'flywheel.inference.feedback.v1' },
      groupId: 'flywheel-ingestion',
      maxBatchRows: 20_000,
      flushIntervalMs: 1_000,
      fetchMinBytes: 1_048_576,
      concurrency: 2,
      registryAddress: `127.0.0.1:${platform.ports.registry.grpc}`,
      schemaCacheMs: 60_000,
    });
  });

  it('turns feature-schema checks off with registry address "off"', () => {
    expect(ingestionOptionsFrom(platform, { FLYWHEEL_INGESTION_REGISTRY_ADDRESS: 'off' }).registryAddress).toBeUndefined();
  });

  it('lists every bad variable by name', () => {
    const problems = (): string[] => {
      try {
        ingestionOptionsFrom(platform, {
          FLYWHEEL_CLICKHOUSE_DATABASE: 'bad-name',
          FLYWHEEL_INGESTION_LOGS_TOPIC: 'bad topic',
          FLYWHEEL_INGESTION_RETENTION_DAYS: '0',
        });
        return [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.problems.map((problem) => problem.variable).sort();
      }
    };
    expect(problems()).toEqual(['FLYWHEEL_CLICKHOUSE_DATABASE', 'FLYWHEEL_INGESTION_LOGS_TOPIC', 'FLYWHEEL_INGESTION_RETENTION_DAYS']);
  });
});
