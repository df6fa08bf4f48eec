// What a log send costs the gateway's main thread, per inference record, in its three steps:
// toInferenceLogs (record -> InferenceLog), the topic codec (InferenceLog -> protobuf bytes, as
// the event bus's producer encodes them) and kafkajs's send of the encoded messages to the stack's
// Kafka (CPU time of this process per record, batches of BENCH_FLUSH_RECORDS, default 50, the
// batch a 50 ms flush interval gathered at 1,000 requests/s). Prints last:
//   to_logs_us=<n> encode_us=<n> kafkajs_us=<n> flush_ms=<n>
// flush_ms: the three for one batch, the main-thread work that requests arriving during a flush
// wait behind (see FLYWHEEL_SERVING_LOG_FLUSH_MS in the serving gateway's README).
import { Kafka, logLevel } from 'kafkajs';
import { TOPIC_CODECS, Topic } from '@flywheel/contracts';
import { CONTENT_TYPE_HEADER, ContentType } from '@flywheel/kafka';
import { testStack, uniqueName } from '@flywheel/testing';
import { toInferenceLogs, type InferenceRecord } from '../src/logging/inference-log-entry';
import type { Tensor } from '../src/protocol/datatypes';

const RECORDS = Number(process.env['BENCH_FLUSH_RECORDS'] ?? 50);
const ROUNDS = 400;
const FEATURES = 20;
const codec = TOPIC_CODECS[Topic.InferenceLogs];
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
  let values: Uint8Array[] = [];
  const encodeUs = perRecord(() => (values = logs.map((log) => codec.encode(log))));

  const topic = uniqueName('bench_flush_cost');
  const kafka = new Kafka({ brokers: testStack().kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  const messages = values.map((value, i) => ({
    key: logs[i]!.modelName,
    value: Buffer.from(value),
    headers: { [CONTENT_TYPE_HEADER]: ContentType.Protobuf },
  }));
  try {
    for (let round = 0; round < 50; round++) await producer.send({ topic, messages }); // warm-up
    const before = process.cpuUsage();
    for (let round = 0; round < ROUNDS; round++) await producer.send({ topic, messages });
    const cpu = process.cpuUsage(before);
    const kafkajsUs = (cpu.user + cpu.system) / ROUNDS / RECORDS;
    const flushMs = ((toLogsUs + encodeUs + kafkajsUs) * RECORDS) / 1000;
    const fixed = (value: number, digits: number) => value.toFixed(digits);
    process.stdout.write(
      `to_logs_us=${fixed(toLogsUs, 2)} encode_us=${fixed(encodeUs, 2)} kafkajs_us=${fixed(kafkajsUs, 2)} flush_ms=${fixed(flushMs, 3)}\n`,
    );
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[log-flush-cost] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
