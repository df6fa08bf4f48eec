import { IngestionStoppingError } from './insert-errors';
import { retryUntilStored } from './retry-until-stored';

const failing = (times: number, error: Error): (() => Promise<string>) => {
  let calls = 0;
  return () => (++calls <= times ? Promise.reject(error) : Promise.resolve(`stored after ${calls}`));
};

describe('retryUntilStored', () => {
  it('waits out an unavailable ClickHouse and resolves once the write succeeds', async () => {
    const retries: number[] = [];
    const result = await retryUntilStored(failing(3, new Error('ECONNREFUSED')), {
      signal: new AbortController().signal,
      initialBackoffMs: 1,
      onRetry: (_error, attempt) => retries.push(attempt),
    });
    expect(result).toBe('stored after 4');
    expect(retries).toEqual([1, 2, 3]);
  });

  it('rethrows data errors at once: retrying the same rows cannot succeed', async () => {
    const parseError = Object.assign(new Error('Cannot parse input'), { code: '27' });
    await expect(retryUntilStored(failing(1, parseError), { signal: new AbortController().signal, onRetry: () => undefined })).rejects.toBe(parseError);
  });

  it('gives up with IngestionStoppingError when the service stops', async () => {
    const stopping = new AbortController();
    const attempt = retryUntilStored(failing(Number.POSITIVE_INFINITY, new Error('down')), {
      signal: stopping.signal,
      initialBackoffMs: 60_000,
      onRetry: () => stopping.abort(),
    });
    await expect(attempt).rejects.toBeInstanceOf(IngestionStoppingError);
  });
});
