/**
 * Throughput of the event bus wrapper against raw kafkajs on the local broker: N messages of
 * 1 KB produced and consumed through each, in A-B-B-A order over several rounds after a warm-up
 * round; medians over rounds are reported to damp noise (see round()).
 *
 * Fairness: both sides write byte-identical records (key, value and the `content-type` header of
 * our wire format, which alone costs kafkajs ~3 us per record to encode), with the same producer
 * settings (idempotent, acks=all, requests of the same size), and fetch with the same settings.
 * The raw consumer commits the kafkajs way (after each batch, awaited); the wrapper commits after
 * each handler call, pipelined.
 *
 *   npm run bench:kafka                  BENCH_MESSAGES (default 200000), BENCH_ROUNDS (default 3),
 *                                        BENCH_ONLY=wrapper|raw to profile one side.
 *
 * Last line: produce_msgs_per_s=<n> consume_msgs_per_s=<n> raw_produce_msgs_per_s=<n> raw_consume_msgs_per_s=<n>
 */
import { testStack, uniqueName } from '@flywheel/testing';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Message, Partitioners } from 'kafkajs';
import {
  bytesCodec,
  DEFAULT_CONSUMER_SETTINGS,
  DEFAULT_PRODUCER_SETTINGS,
  defineTopic,
  EventTopic,
  KafkaEventBus,
  stderrLogger,
} from '../src/index';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY;
const PARTITIONS = 3;
const KEYS = 100;
const PAYLOAD = randomBytes(1024);
// The wrapper's request size for these records (see KafkaEventProducer's size estimate), so raw
// kafkajs sends requests of the same size.
const RAW_BATCH = Math.floor(DEFAULT_PRODUCER_SETTINGS.maxBatchBytes / (PAYLOAD.length + 'key-00'.length + 128));
// Outstanding wrapper requests before the producing loop waits: keeps memory bounded.
const PRODUCE_WINDOW = 8;

const brokers = testStack().kafkaBrokers;
const kafka = new Kafka({ brokers, clientId: 'flywheel-bench-raw', logLevel: logLevel.ERROR });
const bus = new KafkaEventBus({ brokers, clientId: 'flywheel-bench', logger: stderrLogger });
const keys = Array.from({ length: KEYS }, (_, i) => `key-${String(i).padStart(2, '0')}`);

interface Rates {
  produce: number;
  consume: number;
  /** This process's CPU time per message (user + system), microseconds: less noisy than rates on a busy machine. */
  produceCpuUs: number;
  consumeCpuUs: number;
}

interface Phase {
  rate: number;
  cpuUs: number;
}

/** Times a phase from `begin()` (called by the phase when its first message moves) to its end. */
async function measure(run: (begin: () => void) => Promise<number>): Promise<Phase> {
  let startedAt = 0n;
  let cpuAtStart = process.cpuUsage();
  const count = await run(() => {
    startedAt = process.hrtime.bigint();
    cpuAtStart = process.cpuUsage();
  });
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const cpu = process.cpuUsage(cpuAtStart);
  return { rate: Math.round(count / seconds), cpuUs: (cpu.user + cpu.system) / count };
}

async function newTopic(side: string): Promise<string> {
  const topic = uniqueName(`bench_${side}`);
  await bus.ensureTopics([topic], PARTITIONS);
  return topic;
}

function produceWithWrapper(topic: EventTopic<Uint8Array>): Promise<Phase> {
  const producer = bus.createProducer();
  return measure(async (begin) => {
    const outstanding: Promise<void>[] = [];
    begin();
    for (let i = 0; i < MESSAGES; i++) {
      const sent = producer.send(topic, PAYLOAD, { key: keys[i % KEYS] });
      if (outstanding[outstanding.length - 1] !== sent) outstanding.push(sent);
      if (outstanding.length > PRODUCE_WINDOW) await outstanding.shift();
    }
    await producer.flush();
    return MESSAGES;
  }).finally(() => producer.close());
}

function consumeWithWrapper(topic: EventTopic<Uint8Array>): Promise<Phase> {
  const consumer = bus.createConsumer({ groupId: uniqueName('bench_wrapper') });
  return measure(async (begin) => {
    const seen = { count: 0, bytes: 0 };
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    consumer.subscribe(topic, (batch) => {
      if (seen.count === 0) begin();
      for (const message of batch.messages) seen.bytes += message.value.length;
      seen.count += batch.messages.length;
      if (seen.count >= MESSAGES) finished();
      return Promise.resolve();
    });
    await consumer.start();
    await done;
    if (seen.bytes < MESSAGES * PAYLOAD.length) throw new Error(`wrapper consumer saw ${seen.bytes} bytes`);
    return seen.count;
  }).finally(() => consumer.close());
}

function produceRaw(topic: string): Promise<Phase> {
  const producer = kafka.producer({ idempotent: true, retry: { retries: DEFAULT_PRODUCER_SETTINGS.retries }, createPartitioner: Partitioners.DefaultPartitioner });
  return measure(async (begin) => {
    await producer.connect();
    begin();
    for (let start = 0; start < MESSAGES; start += RAW_BATCH) {
      const messages: Message[] = [];
      for (let i = start; i < Math.min(start + RAW_BATCH, MESSAGES); i++) {
        messages.push({ key: keys[i % KEYS], value: PAYLOAD, headers: { 'content-type': 'application/x-protobuf' } });
      }
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    }
    return MESSAGES;
  }).finally(() => producer.disconnect());
}

function consumeRaw(topic: string): Promise<Phase> {
  const consumer = kafka.consumer({
    groupId: uniqueName('bench_raw'),
    maxBytesPerPartition: DEFAULT_CONSUMER_SETTINGS.maxBytesPerPartition,
    maxBytes: DEFAULT_CONSUMER_SETTINGS.maxBytes,
    maxWaitTimeInMs: DEFAULT_CONSUMER_SETTINGS.maxWaitTimeMs,
  });
  return measure(async (begin) => {
    const seen = { count: 0, bytes: 0 };
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: ({ batch }) => {
        if (seen.count === 0) begin();
        for (const message of batch.messages) seen.bytes += message.value?.length ?? 0;
        seen.count += batch.messages.length;
        if (seen.count >= MESSAGES) finished();
        return Promise.resolve();
      },
    });
    await done;
    if (seen.bytes < MESSAGES * PAYLOAD.length) throw new Error(`raw consumer saw ${seen.bytes} bytes`);
    return seen.count;
  }).finally(() => consumer.disconnect());
}

/** Each run writes N KB to the broker's disk; give it back. */
async function deleteTopic(topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type Side = 'wrapper' | 'raw';

async function produce(side: Side, topic: string): Promise<Phase> {
  return side === 'wrapper' ? produceWithWrapper(defineTopic(topic, bytesCodec)) : produceRaw(topic);
}

async function consume(side: Side, topic: string): Promise<Phase> {
  return side === 'wrapper' ? consumeWithWrapper(defineTopic(topic, bytesCodec)) : consumeRaw(topic);
}

/**
 * One round, in A-B-B-A order for each phase so that a drift in machine speed (JIT warm-up, other
 * load) hits both sides alike: each side produces twice into fresh topics, then consumes one of
 * those topics twice (the records are byte-identical), each time with a fresh group. A side's
 * rate for the round is the mean of its two runs.
 */
async function round(first: Side, second: Side): Promise<Map<Side, Rates>> {
  const order = [first, second, second, first].filter((side) => !ONLY || side === ONLY);
  const produced = new Map<Side, Phase[]>();
  const consumed = new Map<Side, Phase[]>();
  const topics: string[] = [];
  for (const side of order) {
    const topic = await newTopic(side);
    topics.push(topic);
    produced.set(side, [...(produced.get(side) ?? []), await produce(side, topic)]);
  }
  for (const side of order) consumed.set(side, [...(consumed.get(side) ?? []), await consume(side, topics[0]!)]);
  for (const topic of topics) await deleteTopic(topic);
  const mean = (phases: Phase[], key: keyof Phase): number => phases.reduce((sum, phase) => sum + phase[key], 0) / phases.length;
  const rates = new Map<Side, Rates>();
  for (const [side, phases] of produced) {
    const reads = consumed.get(side)!;
    rates.set(side, { produce: mean(phases, 'rate'), produceCpuUs: mean(phases, 'cpuUs'), consume: mean(reads, 'rate'), consumeCpuUs: mean(reads, 'cpuUs') });
  }
  return rates;
}

const format = (rates: Rates): string =>
  `produce ${Math.round(rates.produce)} msg/s (${rates.produceCpuUs.toFixed(1)} us CPU/msg), consume ${Math.round(rates.consume)} msg/s (${rates.consumeCpuUs.toFixed(1)} us CPU/msg)`;

async function main(): Promise<void> {
  console.log(`kafka throughput: ${MESSAGES} messages of ${PAYLOAD.length} B, ${PARTITIONS} partitions, ${ROUNDS} A-B-B-A rounds after a warm-up, raw requests of ${RAW_BATCH} records`);
  const results: Record<Side, Rates[]> = { wrapper: [], raw: [] };
  const costs: { produce: number; consume: number }[] = [];
  for (let index = 0; index <= ROUNDS; index++) {
    const rates = await round(index % 2 === 1 ? 'wrapper' : 'raw', index % 2 === 1 ? 'raw' : 'wrapper');
    for (const [side, sideRates] of rates) {
      if (index > 0) results[side].push(sideRates);
      console.log(`${index === 0 ? 'warm-up' : `round ${index}`} ${side.padEnd(7)} ${format(sideRates)}`);
    }
    const [ours, raw] = [rates.get('wrapper'), rates.get('raw')];
    if (index > 0 && ours && raw) costs.push({ produce: 1 - ours.produce / raw.produce, consume: 1 - ours.consume / raw.consume });
  }
  await bus.close();
  const m = (side: Side, key: keyof Rates): number => (results[side].length ? median(results[side].map((r) => r[key])) : 0);
  if (costs.length > 0) {
    const percent = (values: number[]): string => `${(100 * median(values)).toFixed(1)}%`;
    console.log(`wrapper cost, median over rounds of (1 - wrapper/raw): produce ${percent(costs.map((c) => c.produce))}, consume ${percent(costs.map((c) => c.consume))}`);
  }
  const rate = (side: Side, key: 'produce' | 'consume'): number => Math.round(m(side, key));
  console.log(
    `produce_msgs_per_s=${rate('wrapper', 'produce')} consume_msgs_per_s=${rate('wrapper', 'consume')} raw_produce_msgs_per_s=${rate('raw', 'produce')} raw_consume_msgs_per_s=${rate('raw', 'consume')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
