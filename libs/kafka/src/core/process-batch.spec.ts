import { DlqHeader } from '../contract/headers';
import { bytesCodec } from '../contract/bytes-codec';
import { defineTopic } from '../contract/event-topic';
import { silentLogger } from '../contract/logger';
import { BatchProcessingDeps, processBatch } from './process-batch';
import { ConsumedRecord, headerText, OutgoingRecord } from './records';

const topic = defineTopic('orders', bytesCodec);

function records(...values: string[]): ConsumedRecord[] {
  return values.map((value, offset) => ({ offset: String(offset), timestamp: '0', key: Buffer.from('k'), value: Buffer.from(value), headers: {} }));
}

function deps(overrides: Partial<BatchProcessingDeps> = {}) {
  const deadLetters: { topic: string; records: OutgoingRecord[] }[] = [];
  const processing: BatchProcessingDeps = {
    scope: { system: 'test', groupId: 'g' },
    retry: { retries: 2, initialBackoffMs: 1, maxBackoffMs: 1 },
    logger: silentLogger,
    signal: new AbortController().signal,
    sendDeadLetters: (dlq, sent) => {
      deadLetters.push({ topic: dlq, records: sent });
      return Promise.resolve();
    },
    ...overrides,
  };
  return { processing, deadLetters };
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString();

describe('processBatch', () => {
  it('dead-letters the records a handler refuses in its result, as consumed with its reason, and commits', async () => {
    const { processing, deadLetters } = deps({ highWatermark: '10' });
    const seen: (string | undefined)[] = [];
    const outcome = await processBatch(
      {
        topic,
        handler: (batch) => {
          seen.push(batch.highWatermark);
          return Promise.resolve({ deadLetters: [{ offset: '1', reason: 'price must be positive' }] });
        },
      },
      0,
      records('a', 'b', 'c'),
      processing,
    );
    expect(outcome).toBe('completed');
    expect(seen).toEqual(['10']);
    expect(deadLetters.map((letter) => letter.topic)).toEqual(['orders.dlq']);
    expect(deadLetters[0]?.records.map((record) => [String(record.value), headerText(record.headers[DlqHeader.Reason])])).toEqual([['b', 'price must be positive']]);
  });

  it('calls the handler again with a higher attempt number until it succeeds', async () => {
    const attempts: number[] = [];
    const { processing, deadLetters } = deps();
    const outcome = await processBatch(
      {
        topic,
        handler: (batch) => {
          attempts.push(batch.attempt);
          return batch.attempt < 3 ? Promise.reject(new Error('flaky')) : Promise.resolve();
        },
      },
      0,
      records('a', 'b'),
      processing,
    );
    expect(outcome).toBe('completed');
    expect(attempts).toEqual([1, 2, 3]);
    expect(deadLetters).toEqual([]);
  });

  it('after the retries, dead-letters only the records that fail on their own', async () => {
    const handled: string[] = [];
    const { processing, deadLetters } = deps();
    const outcome = await processBatch(
      {
        topic,
        handler: (batch) => {
          if (batch.messages.some((m) => text(m.value) === 'bad')) return Promise.reject(new Error('bad record'));
          handled.push(...batch.messages.map((m) => text(m.value)));
          return Promise.resolve();
        },
      },
      3,
      records('a', 'bad', 'c'),
      processing,
    );
    expect(outcome).toBe('completed');
    expect(handled).toEqual(['a', 'c']);
    expect(deadLetters).toHaveLength(1);
    const [letter] = deadLetters[0]!.records;
    expect(deadLetters[0]!.topic).toBe('orders.dlq');
    expect(letter!.value?.toString()).toBe('bad');
    expect(headerText(letter!.headers[DlqHeader.Reason])).toBe('handler failed on this record alone after its batch failed 3 times: bad record');
    expect(headerText(letter!.headers[DlqHeader.SourcePartition])).toBe('3');
    expect(headerText(letter!.headers[DlqHeader.SourceOffset])).toBe('1');
  });

  it('abandons the batch, uncommitted, when the consumer closes during a retry backoff', async () => {
    const closing = new AbortController();
    const { processing, deadLetters } = deps({ signal: closing.signal, retry: { retries: 3, initialBackoffMs: 60_000, maxBackoffMs: 60_000 } });
    const outcome = processBatch(
      {
        topic,
        handler: () => {
          setImmediate(() => closing.abort());
          return Promise.reject(new Error('down'));
        },
      },
      0,
      records('a'),
      processing,
    );
    await expect(outcome).resolves.toBe('abandoned');
    expect(deadLetters).toEqual([]);
  });

  it('fails the batch when the DLQ cannot take its dead letters, so it is redelivered rather than lost', async () => {
    const { processing } = deps({ retry: { retries: 0, initialBackoffMs: 0, maxBackoffMs: 0 }, sendDeadLetters: () => Promise.reject(new Error('DLQ unavailable')) });
    await expect(processBatch({ topic, handler: () => Promise.reject(new Error('x')) }, 0, records('a'), processing)).rejects.toThrow('DLQ unavailable');
  });
});
