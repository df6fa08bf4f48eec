import { loadPlatformConfig } from '@flywheel/config';
import { InProcessEventBus, KafkaEventBus } from '@flywheel/kafka';
import { PlatformResources } from './platform-resources';

// Constructing these clients connects nothing, so which implementation a config selects is
// checked here without any server; the int-specs prove each one works.
describe('PlatformResources with the real openers', () => {
  it('selects the Kafka bus, an HTTP ClickHouse client and the S3 store for configured servers', async () => {
    const resources = new PlatformResources(
      loadPlatformConfig({
        FLYWHEEL_KAFKA_BROKERS: '127.0.0.1:1',
        FLYWHEEL_CLICKHOUSE_URL: 'http://127.0.0.1:1',
        FLYWHEEL_ARTIFACT_ROOT: 's3://models/prefix',
      }),
    );
    try {
      expect(resources.eventBus()).toBeInstanceOf(KafkaEventBus);
      expect(resources.artifactStore().root).toBe('s3://models/prefix');
      expect(typeof resources.clickhouse().query).toBe('function');
      expect(resources.dependencyChecks().map((check) => check.name)).toEqual([
        'event-bus',
        'artifact-store',
        'clickhouse',
      ]);
    } finally {
      await resources.close();
    }
  });

  it('selects the in-process bus and the local folder by default', async () => {
    const resources = new PlatformResources(loadPlatformConfig({ FLYWHEEL_DATA_DIR: '/tmp/flywheel-unit' }));
    try {
      expect(resources.eventBus()).toBeInstanceOf(InProcessEventBus);
      expect(resources.artifactStore().root).toBe('file:///tmp/flywheel-unit/artifacts');
    } finally {
      await resources.close();
    }
  });
});
