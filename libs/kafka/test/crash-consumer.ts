/**
 * Child process of crash-recovery.int-spec.ts: consumes a topic with a slow handler and appends
 * `<id> <partition> <offset>` per handled record to a log file, fsynced before the handler goes on,
 * so the file survives the SIGKILL the test sends mid-batch. Configured through CRASH_* variables.
 */
import { testStack } from '@flywheel/testing';
import { fsyncSync, openSync, writeSync } from 'node:fs';
import { bytesCodec, defineTopic, KafkaEventBus, silentLogger } from '../src/index';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

async function main(): Promise<void> {
  const log = openSync(required('CRASH_LOG'), 'a');
  const delayMs = Number(required('CRASH_HANDLER_DELAY_MS'));
  const bus = new KafkaEventBus({
    brokers: testStack().kafkaBrokers,
    logger: silentLogger,
    // The broker's minimum session timeout: a killed member's partitions are reassigned quickly.
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
  });
  const consumer = bus.createConsumer({ groupId: required('CRASH_GROUP'), maxBatchSize: 5 });
  consumer.subscribe(defineTopic(required('CRASH_TOPIC'), bytesCodec), async (batch) => {
    for (const message of batch.messages) {
      writeSync(log, `${Buffer.from(message.value).toString()} ${batch.partition} ${message.offset}\n`);
      fsyncSync(log);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  });
  process.once('SIGTERM', () => void bus.close().then(() => process.exit(0)));
  await consumer.start();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
