import { isPortClash, retryOnPortClash } from './retry-on-port-clash';

const clash = () =>
  new Error('tracking: cannot serve gRPC', {
    cause: new Error('listen EADDRINUSE: address already in use 127.0.0.1:44577'),
  });

describe('retryOnPortClash', () => {
  it('starts again after a port clash and returns the first success', async () => {
    let calls = 0;
    const started = await retryOnPortClash(() =>
      ++calls < 3 ? Promise.reject(clash()) : Promise.resolve(`started on try ${calls}`),
    );
    expect(started).toBe('started on try 3');
  });

  it('gives up after the attempts with the last clash', async () => {
    let calls = 0;
    await expect(retryOnPortClash(() => (calls++, Promise.reject(clash())), 2)).rejects.toThrow(
      'cannot serve gRPC',
    );
    expect(calls).toBe(2);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    await expect(retryOnPortClash(() => (calls++, Promise.reject(new Error('bad config'))))).rejects.toThrow(
      'bad config',
    );
    expect(calls).toBe(1);
  });
});

describe('isPortClash', () => {
  it('finds EADDRINUSE by code or message anywhere in the cause chain', () => {
    expect(isPortClash(Object.assign(new Error('listen failed'), { code: 'EADDRINUSE' }))).toBe(true);
    expect(isPortClash(clash())).toBe(true);
    expect(isPortClash(new Error('a', { cause: new Error('b', { cause: clash() }) }))).toBe(true);
    expect(isPortClash(new Error('ECONNREFUSED'))).toBe(false);
    expect(isPortClash('EADDRINUSE')).toBe(false);
  });
});
