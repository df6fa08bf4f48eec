import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createClickHouse, queryRows } from '@flywheel/clickhouse';
import { Topic, codecForTopic } from '@flywheel/contracts';
import { KafkaEventBus, defineTopic, silentLogger, withDeadLetterTopics } from '@flywheel/kafka';
import { recordProcessOutput, testStack, uniqueName, waitFor } from '@flywheel/testing';
import { sampleLog } from './sample-logs';

jest.setTimeout(600_000);

const RECORDS = 100_000;
const repoRoot = resolve(__dirname, '../../..');

describe('ingestion killed with SIGKILL mid-stream', () => {
  const brokers = testStack().kafkaBrokers;
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  const bus = new KafkaEventBus({ brokers, logger: silentLogger });
  const children: ChildProcess[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'flywheel-ingestion-kill-'));
    await admin.connect();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await bus.close();
    await admin.disconnect();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores every one of 100k records exactly once after a restart', async () => {
    const topic = uniqueName('ingest_kill');
    const groupId = uniqueName('ingestion_kill');
    const database = uniqueName('ingest_kill');
    await bus.ensureTopics(withDeadLetterTopics([topic]), 3);
    const env = {
      FLYWHEEL_KAFKA_BROKERS: brokers.join(','),
      FLYWHEEL_CLICKHOUSE_URL: `chdb://${dir}`,
      FLYWHEEL_CLICKHOUSE_DATABASE: database,
      FLYWHEEL_INGESTION_LOGS_TOPIC: topic,
      FLYWHEEL_INGESTION_FEEDBACK_TOPIC: uniqueName('ingest_kill_feedback'),
      FLYWHEEL_INGESTION_GROUP_ID: groupId,
      FLYWHEEL_INGESTION_REGISTRY_ADDRESS: 'off',
      // Batches cut by whatever each fetch found while the producer is still writing: a
      // replay after the kill fetches a longer backlog, so only the journal reproduces the cut.
      FLYWHEEL_INGESTION_FETCH_MIN_BYTES: '1',
      FLYWHEEL_INGESTION_FLUSH_MS: '50',
    };
    await bus.ensureTopics([env.FLYWHEEL_INGESTION_FEEDBACK_TOPIC], 1);
    const committed = async (): Promise<number> => {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (offsets?.partitions ?? []).reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
    };

    const first = startChild(env);
    const logs = defineTopic(topic, codecForTopic(Topic.InferenceLogs));
    const producer = bus.createProducer();
    const runId = uniqueName('kill');
    const producing = (async () => {
      for (let start = 0; start < RECORDS; start += 10_000) {
        const events = Array.from({ length: 10_000 }, (_, i) => ({ value: sampleLog(start + i, runId), key: `model-${(start + i) % 7}` }));
        await producer.sendMany(logs, events);
      }
    })();

    // Generous deadlines: the child compiles the service on start, slow on a busy 2-core machine.
    await waitFor(async () => (await committed()) >= 20_000, { timeoutMs: 240_000, intervalMs: 20, description: '20k records committed' });
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const atKill = await committed();
    await producing;
    expect(atKill).toBeLessThan(RECORDS);

    const second = startChild(env);
    await waitFor(async () => (await committed()) === RECORDS, { timeoutMs: 300_000, intervalMs: 200, description: 'every record committed after the restart' });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const clickhouse = createClickHouse(`chdb://${dir}`);
    try {
      const counts: { rows: string; ids: string }[] = await queryRows(
        clickhouse,
        'SELECT toUInt64(count()) AS rows, toUInt64(uniqExact(request_id)) AS ids FROM {database:Identifier}.inference_logs',
        { database },
      );
      expect(counts).toEqual([{ rows: String(RECORDS), ids: String(RECORDS) }]);
    } finally {
      await clickhouse.close();
    }
  });

  function startChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | string | null> } {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'ingestion-child.ts')], {
      cwd: repoRoot,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    recordProcessOutput(child, `ingestion-child-${children.length}`);
    // Drained whether or not it is recorded, so a full pipe never blocks the child's logging.
    child.stdout?.resume();
    children.push(child);
    const exited = new Promise<number | string | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
    return { child, exited };
  }
});
