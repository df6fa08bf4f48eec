import { type BufferTimers, LogBuffer } from './log-buffer';

/** Timers driven by the test: `tick()` fires every pending timer. */
function fakeTimers(): BufferTimers & { tick(): void; pending(): number } {
  let timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (fn) => {
      timers.set(++next, fn);
      return next;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    tick: () => {
      const due = timers;
      timers = new Map();
      for (const fn of due.values()) fn();
    },
    pending: () => timers.size,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const options = { capacity: 5, batchSize: 2, flushIntervalMs: 50, retryBackoffMs: 200 };

describe('LogBuffer', () => {
  it('sends a full batch at once and a partial one when the flush timer fires', async () => {
    const sent: number[][] = [];
    const timers = fakeTimers();
    const buffer = new LogBuffer<number>((batch) => (sent.push(batch), Promise.resolve()), options, timers);
    buffer.offer(1);
    buffer.offer(2);
    await flush();
    expect(sent).toEqual([[1, 2]]);
    buffer.offer(3);
    await flush();
    expect(sent).toHaveLength(1);
    timers.tick();
    await flush();
    expect(sent).toEqual([[1, 2], [3]]);
    expect(buffer.sent).toBe(3);
  });

  it('keeps entries while Kafka is down, drops and counts beyond capacity, and delivers the rest once it is back', async () => {
    let up = false;
    const sent: number[] = [];
    const timers = fakeTimers();
    const buffer = new LogBuffer<number>((batch) => (up ? (sent.push(...batch), Promise.resolve()) : Promise.reject(new Error('broker down'))), options, timers);
    const accepted = [1, 2, 3, 4, 5, 6, 7].map((n) => buffer.offer(n));
    await flush();
    expect(accepted).toEqual([true, true, true, true, true, false, false]);
    expect(buffer.dropped).toBe(2);
    expect(buffer.failures).toBe(1);
    up = true;
    for (let i = 0; i < 5; i++) {
      timers.tick();
      await flush();
    }
    expect(sent).toEqual([1, 2, 3, 4, 5]);
    expect(buffer.pending).toBe(0);
  });

  it('never throws or waits on offer, whatever the sender does', () => {
    const buffer = new LogBuffer<number>(() => new Promise(() => undefined), options, fakeTimers());
    for (let i = 0; i < 100; i++) expect(typeof buffer.offer(i)).toBe('boolean');
    expect(buffer.dropped).toBe(95);
  });
});
