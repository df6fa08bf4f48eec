import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks at once, then the interval after each tick finishes', async () => {
    const ticks: number[] = [];
    const loop = new PollingLoop(() => Promise.resolve(void ticks.push(Date.now())), 1_000, () => undefined);
    const start = Date.now();
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(2_500);
    await loop.stop();
    expect(ticks.map((at) => at - start)).toEqual([0, 1_000, 2_000]);
  });

  it('reports a failed tick and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new PollingLoop(
      () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve()),
      10,
      (error) => errors.push(error),
    );
    loop.start();
    await jest.advanceTimersByTimeAsync(25);
    await loop.stop();
    expect(errors).toEqual([new Error('boom')]);
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('waits for the tick in progress on stop, exposes stopping to it, and ticks no more', async () => {
    let release: () => void = () => undefined;
    let sawStopping = false;
    let calls = 0;
    const loop: PollingLoop = new PollingLoop(
      async () => {
        calls++;
        await new Promise<void>((resolve) => (release = resolve));
        sawStopping = loop.stopping;
      },
      10,
      () => undefined,
    );
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    const stopped = loop.stop();
    release();
    await stopped;
    await jest.advanceTimersByTimeAsync(100);
    expect({ calls, sawStopping }).toEqual({ calls: 1, sawStopping: true });
  });
});
