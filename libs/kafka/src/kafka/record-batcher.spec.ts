import { silentLogger } from '../contract/logger';
import { BatchLimits, ProducerBufferFullError, RecordBatcher } from './record-batcher';

type Request = Map<string, string[]>;

/** A batcher whose deliveries wait until the test settles them, recording each request. */
function batcher(limits: Partial<BatchLimits> = {}) {
  const requests: Request[] = [];
  const settle: ((error?: Error) => void)[] = [];
  const subject = new RecordBatcher<string>(
    { lingerMs: 5, maxBatchRecords: 100, maxBatchBytes: 10_000, maxBufferedBytes: 1_000_000, ...limits },
    (byTopic) => {
      requests.push(new Map([...byTopic].map(([topic, records]) => [topic, [...records]])));
      return new Promise<void>((resolve, reject) => settle.push((error) => (error ? reject(error) : resolve())));
    },
    silentLogger,
  );
  return { subject, requests, settle };
}

const tick = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('RecordBatcher', () => {
  it('sends records added within the linger time as one request, grouped by topic', async () => {
    const { subject, requests, settle } = batcher({ lingerMs: 20 });
    const sends = [subject.add('a', 'a1', 10), subject.add('b', 'b1', 10), subject.add('a', 'a2', 10)];
    expect(requests).toHaveLength(0);
    await tick(30);
    expect(requests).toEqual([new Map([['a', ['a1', 'a2']], ['b', ['b1']]])]);
    settle[0]!();
    await expect(Promise.all(sends)).resolves.toBeDefined();
  });

  it('sends at once when a chunk reaches its record or byte cap, without waiting for the linger', () => {
    const { subject, requests } = batcher({ lingerMs: 60_000, maxBatchRecords: 3, maxBatchBytes: 100 });
    void subject.add('t', 'r1', 10);
    void subject.add('t', 'r2', 10);
    void subject.add('t', 'r3', 10);
    expect(requests).toEqual([new Map([['t', ['r1', 'r2', 'r3']]])]);
  });

  it('starts a new request rather than exceed maxBatchBytes', async () => {
    const { subject, requests, settle } = batcher({ lingerMs: 1, maxBatchBytes: 100 });
    void subject.add('t', 'r1', 60);
    void subject.add('t', 'r2', 60);
    expect(requests).toEqual([new Map([['t', ['r1']]])]);
    settle[0]!();
    await tick(10);
    expect(requests[1]).toEqual(new Map([['t', ['r2']]]));
  });

  it('keeps one request in flight and fills the next one meanwhile, preserving send order', async () => {
    const { subject, requests, settle } = batcher({ lingerMs: 1 });
    void subject.add('t', 'r1', 10);
    await tick(10);
    void subject.add('t', 'r2', 10);
    void subject.add('t', 'r3', 10);
    await tick(10);
    expect(requests).toHaveLength(1);
    settle[0]!();
    await tick(0);
    expect(requests[1]).toEqual(new Map([['t', ['r2', 'r3']]]));
  });

  it('rejects the sends of a failed request and goes on with the next one', async () => {
    const { subject, requests, settle } = batcher({ lingerMs: 1, maxBatchRecords: 1 });
    const failed = subject.add('t', 'r1', 10);
    const next = subject.add('t', 'r2', 10);
    settle[0]!(new Error('broker said no'));
    await expect(failed).rejects.toThrow('broker said no');
    await tick(0);
    expect(requests).toHaveLength(2);
    settle[1]!();
    await expect(next).resolves.toBeUndefined();
  });

  it('flush() sends what is waiting at once and resolves when all of it is acknowledged', async () => {
    const { subject, requests, settle } = batcher({ lingerMs: 60_000 });
    void subject.add('t', 'r1', 10);
    let flushed = false;
    const flushing = subject.flush().then(() => (flushed = true));
    expect(requests).toHaveLength(1);
    await tick(0);
    expect(flushed).toBe(false);
    settle[0]!();
    await flushing;
    expect(flushed).toBe(true);
  });

  it('refuses sends beyond maxBufferedBytes instead of buffering without bound', async () => {
    const { subject, settle } = batcher({ lingerMs: 60_000, maxBufferedBytes: 25, maxBatchBytes: 1_000 });
    void subject.add('t', 'r1', 10);
    void subject.add('t', 'r2', 10);
    await expect(subject.add('t', 'r3', 10)).rejects.toBeInstanceOf(ProducerBufferFullError);
    const flushed = subject.flush();
    settle[0]!();
    await flushed;
  });
});
