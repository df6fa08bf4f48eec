import { Kafka, logLevel } from 'kafkajs';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { bytesCodec, defineTopic, KafkaEventBus, silentLogger, withDeadLetterTopics } from '../src/index';

const repoRoot = resolve(__dirname, '../../..');
const MESSAGES = 120;

interface Processed {
  id: string;
  partition: number;
  offset: number;
}

function readProcessed(file: string): Processed[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [id, partition, offset] = line.split(' ');
      return { id: id!, partition: Number(partition), offset: Number(offset) };
    });
}

function startChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | string | null> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'crash-consumer.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | string | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
  return { child, exited };
}

describe('a Kafka consumer killed mid-batch', () => {
  const kafka = new Kafka({ brokers: testStack().kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let bus: KafkaEventBus;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await admin.connect();
    bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await bus.close();
    await admin.disconnect();
  });

  it('loses nothing after a restart and redelivers only records after the last committed offset', async () => {
    const topic = uniqueName('crash');
    const groupId = uniqueName('crash_group');
    await bus.ensureTopics(withDeadLetterTopics([topic]), 2);
    const ids = Array.from({ length: MESSAGES }, (_, i) => `m${String(i).padStart(3, '0')}`);
    await bus.createProducer().sendMany(defineTopic(topic, bytesCodec), ids.map((id, i) => ({ key: `key-${i % 10}`, value: Buffer.from(id) })));
    const log = join(mkdtempSync(join(tmpdir(), 'flywheel-crash-')), 'processed.log');
    const env = { CRASH_TOPIC: topic, CRASH_GROUP: groupId, CRASH_LOG: log, CRASH_HANDLER_DELAY_MS: '50' };

    const first = startChild(env);
    children.push(first.child);
    // 32 is inside a 5-record batch: the kill lands after some records of it were handled.
    await waitFor(() => readProcessed(log).length >= 32, { timeoutMs: 60_000, intervalMs: 5, description: '32 records handled' });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const beforeKill = readProcessed(log);
    const committed = new Map<number, number>();
    for (const { partition, offset } of (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions) committed.set(partition, Number(offset));

    const second = startChild(env);
    children.push(second.child);
    await waitFor(() => new Set(readProcessed(log).map((p) => p.id)).size === MESSAGES, { timeoutMs: 90_000, description: 'every record handled' });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const afterRestart = readProcessed(log).slice(beforeKill.length);
    const handledBeforeKill = new Set(beforeKill.map((p) => `${p.partition}:${p.offset}`));
    const redelivered = afterRestart.filter((p) => handledBeforeKill.has(`${p.partition}:${p.offset}`));
    const startOf = (partition: number): number => committed.get(partition) ?? -1;

    expect(new Set(readProcessed(log).map((p) => p.id))).toEqual(new Set(ids));
    expect(afterRestart.filter((p) => p.offset < startOf(p.partition))).toEqual([]);
    expect(redelivered.length).toBeGreaterThan(0);
    expect(redelivered.every((p) => p.offset >= startOf(p.partition))).toBe(true);
    expect(beforeKill.filter((p) => p.offset >= startOf(p.partition)).map((p) => p.id).sort()).toEqual(redelivered.map((p) => p.id).sort());
  }, 180_000);
});
