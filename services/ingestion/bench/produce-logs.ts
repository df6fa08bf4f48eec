// Producer child of the ingestion bench: sends BENCH_RECORDS inference logs of realistic shape
// (20 numeric + 5 categorical features) as protobuf to BENCH_TOPIC at BENCH_RATE records/s,
// each stamped with the time it is sent (timestamp_ms), so the bench can measure lag end to end.
import { Topic, codecForTopic } from '@flywheel/contracts';
import { KafkaEventBus, defineTopic, stderrLogger } from '@flywheel/kafka';
import { testStack } from '@flywheel/testing';
import { sampleLog } from '../test/sample-logs';

const TICK_MS = 20;
// Sends awaiting the broker at once; beyond that the producer waits (it cannot keep the rate).
// Kept small so records do not queue in this process: their timestamps would count that as lag.
const MAX_IN_FLIGHT = 4;
const MAX_PER_SEND = 2_000;

async function main(): Promise<void> {
  const topic = defineTopic(required('BENCH_TOPIC'), codecForTopic(Topic.InferenceLogs));
  const records = Number(required('BENCH_RECORDS'));
  const rate = Number(required('BENCH_RATE'));
  const runId = required('BENCH_RUN_ID');
  const bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, clientId: 'flywheel-bench-producer', logger: stderrLogger });
  const producer = bus.createProducer();
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  let sent = 0;
  while (sent < records) {
    // Paced by wall clock: behind schedule, the next tick catches up, MAX_PER_SEND at a time.
    const due = Math.min(records, Math.floor(((Date.now() - started) / 1000) * rate) + Math.ceil((rate * TICK_MS) / 1000), sent + MAX_PER_SEND);
    const now = Date.now();
    const events = [];
    for (; sent < due; sent++) events.push({ value: sampleLog(sent, runId, { timestampMs: now }), key: `model-${sent % 64}` });
    if (events.length > 0) {
      const sending = producer.sendMany(topic, events).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  await Promise.all(inFlight);
  process.stderr.write(`producer: ${records} records in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  await bus.close();
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
