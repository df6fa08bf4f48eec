// What a log send costs the gateway's main thread, per inference record. The whole send is the
// gateway's own sender (kafkaLogSender over a KafkaEventBus producer) to the stack's Kafka, timed
// as CPU time of this process over batches of BENCH_FLUSH_RECORDS (default 50, the batch a 50 ms
// flush interval gathers at 1,000 requests/s); its first two steps are also timed alone:
// toInferenceLogs (record -> InferenceLog) and the topic codec (InferenceLog -> protobuf bytes).
// Prints last:
//   to_logs_us=<n> encode_us=<n> kafkajs_us=<n> flush_ms=<n>
// kafkajs_us: the rest of the send per record (event bus, kafkajs, socket, the broker's answer).
// flush_ms: the whole send of one batch, the main-thread work that requests arriving during a
// flush wait behind (see FLYWHEEL_SERVING_LOG_FLUSH_MS in the serving gateway's README).
import { TOPIC_CODECS, Topic } from '@flywheel/contracts';
import { KafkaEventBus, silentLogger } from '@flywheel/kafka';
import { testStack, uniqueName } from '@flywheel/testing';
import { toInferenceLogs, type InferenceRecord } from '../src/logging/inference-log-entry';
import { inferenceLogsTopic, kafkaLogSender } from '../src/logging/kafka-log-sink';
import type { Tensor } from '../src/protocol/datatypes';

const RECORDS = Number(process.env['BENCH_FLUSH_RECORDS'] ?? 50);
const ROUNDS = 400;
const FEATURES = 20;
const codec = TOPIC_CODECS[Topic.InferenceLogs];
const log = (message: string) => process.stderr.write(`[log-flush-cost] ${message}\n`);
const featureNames = Array.from({ length: FEATURES }, (_, i) => `f${i}`);

function record(i: number): InferenceRecord {
  const features: Tensor = {
    name: 'features',
    datatype: 'FP32',
    shape: [1, FEATURES],
    data: Float32Array.from({ length: FEATURES }, (_, j) => Math.cos(i + j)),
  };
  const probability: Tensor = {
    name: 'probability',
    datatype: 'FP32',
    shape: [1, 1],
    data: Float32Array.of(1 / (1 + i)),
  };
  return {
    requestId: `r-${i}`,
    modelName: 'bench_lr',
    modelVersion: 1,
    variant: 'champion',
    timestampMs: Date.now(),
    inputs: [features],
    featureNames,
    outputs: [probability],
    latencyMs: 0.2,
  };
}

/** Microseconds per record of `step` over ROUNDS batches. */
function perRecord(step: () => void): number {
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) step();
  return ((performance.now() - started) * 1000) / ROUNDS / RECORDS;
}

async function main(): Promise<void> {
  const batch = Array.from({ length: RECORDS }, (_, i) => record(i));
  let logs = batch.flatMap(toInferenceLogs);
  const toLogsUs = perRecord(() => (logs = batch.flatMap(toInferenceLogs)));
  let bytes = 0;
  const encodeUs = perRecord(() => (bytes = logs.reduce((sum, log) => sum + codec.encode(log).length, 0)));
  log(`${RECORDS} records of ${Math.round(bytes / RECORDS)} bytes a batch`);

  const topic = uniqueName('bench_flush_cost');
  const bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
  await bus.ensureTopics([topic], 3);
  const producer = bus.createProducer();
  const send = kafkaLogSender(producer, inferenceLogsTopic(topic));
  try {
    for (let round = 0; round < 50; round++) await send(batch); // warm-up (connects)
    const before = process.cpuUsage();
    for (let round = 0; round < ROUNDS; round++) await send(batch);
    const cpu = process.cpuUsage(before);
    const sendUs = (cpu.user + cpu.system) / ROUNDS;
    // The sender converts and encodes too: what is left is the event bus and kafkajs.
    const kafkajsUs = sendUs / RECORDS - toLogsUs - encodeUs;
    const flushMs = sendUs / 1000;
    const fixed = (value: number, digits: number) => value.toFixed(digits);
    process.stdout.write(
      `to_logs_us=${fixed(toLogsUs, 2)} encode_us=${fixed(encodeUs, 2)} kafkajs_us=${fixed(kafkajsUs, 2)} flush_ms=${fixed(flushMs, 3)}\n`,
    );
  } finally {
    await producer.close();
    await bus.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[log-flush-cost] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
