import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy probe result', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `done after ${calls}` : undefined), { intervalMs: 1 });
    expect(value).toBe('done after 3');
  });

  it('retries through probe errors until the condition holds', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        if (calls < 2) throw new Error('not yet');
        return calls;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(2);
  });

  it('rejects after the deadline naming the condition and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('broker down');
        },
        { timeoutMs: 30, intervalMs: 5, description: 'the broker' },
      ),
    ).rejects.toThrow(/waiting for the broker: last error broker down/);
  });
});
