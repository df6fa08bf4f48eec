// Producer child of the ingestion bench: sends BENCH_RECORDS inference logs of realistic shape
// (20 numeric + 5 categorical features) as protobuf to BENCH_TOPIC at BENCH_RATE records/s,
// each stamped with the time it is sent (timestamp_ms), so the bench can measure lag end to end.
// BENCH_PRODUCER picks the client: kcat (librdkafka, the default) with logs encoded ahead
// (EncodedSampleLogs), or kafkajs encoding each log as it goes. The kafkajs way costs this
// process about 45 µs of CPU a record, too much to produce 50,000/s beside the consumer on 2 cores.
import { Topic, codecForTopic } from '@flywheel/contracts';
import { ContentType, KafkaEventBus, defineTopic, stderrLogger } from '@flywheel/kafka';
import { testStack } from '@flywheel/testing';
import { sampleLog } from '../test/sample-logs';
import { continuousFeatures } from './continuous-features';
import { EncodedSampleLogs } from './encoded-sample-logs';
import { KcatSender } from './kcat-sender';

const TICK_MS = 20;
// Sends awaiting the broker at once; beyond that the producer waits (it cannot keep the rate).
// Kept small so records do not queue in this process: their timestamps would count that as lag.
const MAX_IN_FLIGHT = 4;
const MAX_PER_SEND = 2_000;

/** Sends logs `from` to `to` (exclusive) of the run, stamped `timestampMs`. */
interface Sender {
  send(from: number, to: number, timestampMs: number): Promise<void>;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const topic = required('BENCH_TOPIC');
  const records = Number(required('BENCH_RECORDS'));
  const rate = Number(required('BENCH_RATE'));
  const runId = required('BENCH_RUN_ID');
  const client = process.env.BENCH_PRODUCER ?? 'kcat';
  const sender = client === 'kafkajs' ? kafkajsSender(topic, runId) : kcatSender(topic, runId);
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  let sent = 0;
  while (sent < records) {
    // Paced by wall clock: behind schedule, the next tick catches up, MAX_PER_SEND at a time.
    const due = Math.min(
      records,
      Math.floor(((Date.now() - started) / 1000) * rate) + Math.ceil((rate * TICK_MS) / 1000),
      sent + MAX_PER_SEND,
    );
    if (due > sent) {
      const sending = sender.send(sent, due, Date.now()).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      sent = due;
    }
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  await Promise.all(inFlight);
  await sender.close();
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `producer (${client}): ${records} records in ${seconds.toFixed(1)} s, ${Math.round(records / seconds)}/s\n`,
  );
}

const keyOf = (i: number) => `model-${i % 64}`;

function kafkajsSender(topicName: string, runId: string): Sender {
  const topic = defineTopic(topicName, codecForTopic(Topic.InferenceLogs));
  const bus = new KafkaEventBus({
    brokers: testStack().kafkaBrokers,
    clientId: 'flywheel-bench-producer',
    logger: stderrLogger,
  });
  const producer = bus.createProducer();
  return {
    send(from, to, timestampMs) {
      const events = [];
      for (let i = from; i < to; i++)
        events.push({
          value: sampleLog(i, runId, { timestampMs, numericFeatures: continuousFeatures(i) }),
          key: keyOf(i),
        });
      return producer.sendMany(topic, events);
    },
    close: () => bus.close(),
  };
}

// kcat's record delimiter: a byte no ASCII request id or length prefix holds (see EncodedSampleLogs).
const DELIMITER = 0xfe;

function kcatSender(topic: string, runId: string): Sender {
  const logs = new EncodedSampleLogs(runId, DELIMITER);
  process.stderr.write(`producer (kcat): ${logs.size} distinct sample logs, encoded ahead\n`);
  const kcat = new KcatSender(
    testStack().kafkaBrokers,
    topic,
    { 'content-type': ContentType.Protobuf },
    DELIMITER,
  );
  return {
    send(from, to, timestampMs) {
      const batch = [];
      for (let i = from; i < to; i++) batch.push({ key: keyOf(i), value: logs.pieces(i, timestampMs) });
      return kcat.send(batch);
    },
    close: () => kcat.close(),
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`producer: ${String(error)}\n`);
  process.exit(1);
});
