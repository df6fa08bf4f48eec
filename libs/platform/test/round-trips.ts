import { queryRows } from '@flywheel/clickhouse';
import { bytesCodec, defineTopic } from '@flywheel/kafka';
import { uniqueName, waitFor } from '@flywheel/testing';
import type { PlatformResources } from '../src/platform-resources';

/** Produces a record on a fresh topic and resolves with the value a new consumer group reads. */
export async function busRoundTrip(resources: PlatformResources): Promise<string> {
  const bus = resources.eventBus();
  const topic = defineTopic(uniqueName('platform_round_trip'), bytesCodec);
  await bus.ensureTopics([topic.name], 1);
  const received: string[] = [];
  const consumer = bus.createConsumer({ groupId: uniqueName('platform_group') });
  consumer.subscribe(topic, (batch) => {
    for (const message of batch.messages) received.push(Buffer.from(message.value).toString());
    return Promise.resolve();
  });
  await consumer.start();
  await bus.createProducer().send(topic, Buffer.from('hello'), { key: 'k' });
  return waitFor(() => received[0], { timeoutMs: 30_000, description: 'the record to arrive' });
}

export async function postgresRoundTrip(resources: PlatformResources): Promise<number> {
  const pool = await resources.postgres();
  const result = await pool.query<{ one: number }>('SELECT 1 AS one');
  return result.rows[0]!.one;
}

export async function clickhouseRoundTrip(resources: PlatformResources): Promise<number> {
  const rows: { answer: number }[] = await queryRows(
    resources.clickhouse(),
    'SELECT {n:UInt8} + 1 AS answer',
    {
      n: 41,
    },
  );
  return rows[0]!.answer;
}

/** Puts an artifact and reads it back. */
export async function storeRoundTrip(resources: PlatformResources, key: string): Promise<string> {
  const store = resources.artifactStore();
  await store.put(key, Buffer.from('model bytes'));
  const chunks: Buffer[] = [];
  for await (const chunk of (await store.get(key)) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}
