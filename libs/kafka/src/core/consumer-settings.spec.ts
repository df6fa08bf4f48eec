import { resolveConsumerSettings } from './consumer-settings';

describe('resolveConsumerSettings', () => {
  it('fills in defaults: earliest start, 3 retries, batches of 1000, commits not awaited, the bus fetch settings', () => {
    expect(resolveConsumerSettings({ groupId: 'ingestion' })).toEqual({
      groupId: 'ingestion',
      startFrom: 'earliest',
      retry: { retries: 3, initialBackoffMs: 200, maxBackoffMs: 5_000 },
      maxBatchSize: 1_000,
      awaitCommits: false,
      fetch: {},
    });
  });

  it('keeps per-consumer commit, fetch and concurrency settings, checking each', () => {
    expect(resolveConsumerSettings({ groupId: 'g', awaitCommits: true, fetch: { minBytes: 1024 }, concurrency: 2 })).toMatchObject({
      awaitCommits: true,
      fetch: { minBytes: 1024 },
      concurrency: 2,
    });
    expect(() => resolveConsumerSettings({ groupId: 'g', fetch: { maxWaitTimeMs: 0 }, concurrency: 0 })).toThrow(
      'invalid consumer options: concurrency must be an integer >= 1, got 0; fetch.maxWaitTimeMs must be an integer >= 1, got 0',
    );
  });

  it('lists every invalid option by name', () => {
    expect(() => resolveConsumerSettings({ groupId: ' ', maxBatchSize: 0, retry: { retries: -1 } })).toThrow(
      'invalid consumer options: groupId must be a non-empty string, got " "; retry.retries must be an integer >= 0, got -1; maxBatchSize must be an integer >= 1, got 0',
    );
  });
});
