import { resolveConsumerSettings } from './consumer-settings';

describe('resolveConsumerSettings', () => {
  it('fills in defaults: earliest start, 3 retries, batches of 1000', () => {
    expect(resolveConsumerSettings({ groupId: 'ingestion' })).toEqual({
      groupId: 'ingestion',
      startFrom: 'earliest',
      retry: { retries: 3, initialBackoffMs: 200, maxBackoffMs: 5_000 },
      maxBatchSize: 1_000,
    });
  });

  it('lists every invalid option by name', () => {
    expect(() => resolveConsumerSettings({ groupId: ' ', maxBatchSize: 0, retry: { retries: -1 } })).toThrow(
      'invalid consumer options: groupId must be a non-empty string, got " "; retry.retries must be an integer >= 0, got -1; maxBatchSize must be an integer >= 1, got 0',
    );
  });
});
