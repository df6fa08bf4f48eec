import { Topic, TOPIC_CODECS } from '@flywheel/contracts';
import { waitFor } from '@flywheel/testing';
import { bytesCodec } from '../contract/bytes-codec';
import { DecodedBatch } from '../contract/event-consumer';
import { defineTopic } from '../contract/event-topic';
import { silentLogger } from '../contract/logger';
import { InProcessEventBus } from './in-process-event-bus';
import { partitionForKey } from './murmur2';

const text = (batch: DecodedBatch<Uint8Array>): string[] => batch.messages.map((m) => Buffer.from(m.value).toString());

/** A key that lands on `partition` of `partitions`. */
function keyOn(partition: number, partitions: number): string {
  for (let i = 0; ; i++) if (partitionForKey(Buffer.from(`key-${i}`), partitions) === partition) return `key-${i}`;
}

describe('InProcessEventBus', () => {
  let bus: InProcessEventBus;

  beforeEach(() => {
    bus = new InProcessEventBus({ logger: silentLogger });
  });

  afterEach(() => bus.close());

  it('puts a keyed record on the partition Kafka would choose for its key', async () => {
    await bus.ensureTopics(['models'], 5);
    const partitions: Record<string, number> = {};
    const consumer = bus.createConsumer({ groupId: 'g' });
    consumer.subscribe(defineTopic('models', bytesCodec), (batch) => {
      for (const m of batch.messages) partitions[m.key!] = batch.partition;
      return Promise.resolve();
    });
    await consumer.start();
    const keys = ['fraud', 'churn', 'ranking', 'pricing', 'ltv'];
    await bus.createProducer().sendMany(defineTopic('models', bytesCodec), keys.map((key) => ({ key, value: Buffer.from(key) })));
    await waitFor(() => Object.keys(partitions).length === keys.length);
    expect(partitions).toEqual(Object.fromEntries(keys.map((key) => [key, partitionForKey(Buffer.from(key), 5)])));
  });

  it('hands a partition to a joining member only after the old owner has committed its in-flight batch', async () => {
    await bus.ensureTopics(['orders'], 2);
    const topic = defineTopic('orders', bytesCodec);
    const key = keyOn(1, 2);
    const producer = bus.createProducer();
    await producer.sendMany(topic, ['a', 'b'].map((value) => ({ key, value: Buffer.from(value) })));
    const seenByOld: string[] = [];
    const seenByNew: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const oldOwner = bus.createConsumer({ groupId: 'g' });
    oldOwner.subscribe(topic, async (batch) => {
      await gate;
      seenByOld.push(...text(batch));
    });
    await oldOwner.start();
    await waitFor(() => oldOwner.assignment()[0]?.partitions.length === 2);

    const newOwner = bus.createConsumer({ groupId: 'g' });
    newOwner.subscribe(topic, (batch) => Promise.resolve(void seenByNew.push(...text(batch))));
    await newOwner.start();
    await producer.send(topic, Buffer.from('c'), { key });
    await new Promise((resolve) => setImmediate(resolve));
    expect(newOwner.assignment()).toEqual([{ topic: 'orders', partitions: [1] }]);
    expect(seenByNew).toEqual([]);

    release();
    await waitFor(() => seenByNew.length === 1);
    expect(seenByOld).toEqual(['a', 'b']);
    expect(seenByNew).toEqual(['c']);
  });

  it('refuses to produce to a topic that was not created, naming it', async () => {
    const topic = defineTopic('nowhere', TOPIC_CODECS[Topic.OrchestrationCommands]);
    await expect(bus.createProducer().send(topic, { commandId: 'c', modelName: 'm', issuedAtMs: 0, issuedBy: 't' })).rejects.toThrow(
      'topic nowhere does not exist; create it with ensureTopics()',
    );
  });

  it('refuses to start a consumer of a topic that was not created, naming it', async () => {
    const consumer = bus.createConsumer({ groupId: 'g' });
    consumer.subscribe(defineTopic('nowhere', bytesCodec), () => Promise.resolve());
    await expect(consumer.start()).rejects.toThrow('cannot consume missing topics nowhere; create them with ensureTopics()');
  });
});
