import { DEFAULT_CONSUMER_SETTINGS, DEFAULT_PRODUCER_SETTINGS, resolveKafkaSettings } from './kafka-options';

describe('resolveKafkaSettings', () => {
  it('applies defaults under the given overrides', () => {
    const settings = resolveKafkaSettings({ brokers: ['b:9092'], producer: { lingerMs: 0 }, consumer: { maxWaitTimeMs: 100 } });
    expect(settings.producer).toEqual({ ...DEFAULT_PRODUCER_SETTINGS, lingerMs: 0 });
    expect(settings.consumer).toEqual({ ...DEFAULT_CONSUMER_SETTINGS, maxWaitTimeMs: 100 });
  });

  it('lists every invalid option by name', () => {
    expect(() => resolveKafkaSettings({ brokers: [], producer: { maxBatchBytes: 0 }, consumer: { sessionTimeoutMs: 1.5 } })).toThrow(
      'invalid Kafka event bus options: brokers must list at least one host:port; producer.maxBatchBytes must be an integer >= 1, got 0; consumer.sessionTimeoutMs must be an integer >= 1, got 1.5',
    );
  });
});
