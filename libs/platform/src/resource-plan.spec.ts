import { join } from 'node:path';
import { loadPlatformConfig } from '@flywheel/config';
import { resourcePlan } from './resource-plan';

describe('resourcePlan', () => {
  it('picks every embedded default under the data dir when no server is configured', () => {
    const dataDir = join('/tmp', 'flywheel-plan');
    const plan = resourcePlan(loadPlatformConfig({ FLYWHEEL_DATA_DIR: dataDir }));
    expect(plan).toEqual({
      eventBus: { kind: 'in-process' },
      postgres: { kind: 'embedded', dataDir: join(dataDir, 'pglite') },
      clickhouse: { kind: 'chdb', url: `chdb://${join(dataDir, 'clickhouse')}` },
      artifactStore: { kind: 'file', uri: `file://${join(dataDir, 'artifacts')}` },
    });
  });

  it('picks the configured servers, passing the S3 client options through', () => {
    const plan = resourcePlan(
      loadPlatformConfig({
        FLYWHEEL_KAFKA_BROKERS: 'k1:9092,k2:9092',
        FLYWHEEL_DATABASE_URL: 'postgres://u:p@db:5432/flywheel',
        FLYWHEEL_CLICKHOUSE_URL: 'http://ch:8123',
        FLYWHEEL_ARTIFACT_ROOT: 's3://models/prod',
        FLYWHEEL_S3_ENDPOINT: 'http://s3:9000',
        FLYWHEEL_S3_REGION: 'eu-west-1',
        FLYWHEEL_S3_ACCESS_KEY_ID: 'key',
        FLYWHEEL_S3_SECRET_ACCESS_KEY: 'secret',
      }),
    );
    expect(plan).toEqual({
      eventBus: { kind: 'kafka', brokers: ['k1:9092', 'k2:9092'] },
      postgres: { kind: 'server', url: 'postgres://u:p@db:5432/flywheel' },
      clickhouse: { kind: 'http', url: 'http://ch:8123' },
      artifactStore: {
        kind: 's3',
        uri: 's3://models/prod',
        s3: {
          endpoint: 'http://s3:9000',
          region: 'eu-west-1',
          credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
        },
      },
    });
  });

  it('keeps a configured chDB folder instead of the default one', () => {
    const plan = resourcePlan(loadPlatformConfig({ FLYWHEEL_CLICKHOUSE_URL: 'chdb:///var/lib/ch' }));
    expect(plan.clickhouse).toEqual({ kind: 'chdb', url: 'chdb:///var/lib/ch' });
  });
});
