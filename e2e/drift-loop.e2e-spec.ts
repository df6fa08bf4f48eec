import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DriftReport,
  type InferenceLog,
  InferenceStatus,
  type OrchestrationCommand,
  Topic,
  Variant,
  codecForTopic,
} from '@flywheel/contracts';
import {
  KafkaEventBus,
  defineTopic,
  flywheelTopic,
  forEachMessage,
  silentLogger,
  withDeadLetterTopics,
} from '@flywheel/kafka';
import { registryV1 } from '@flywheel/contracts';
import { numericProfileOf, sampleFromValues } from '@flywheel/drift';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { type ScratchDatabase, createScratchDatabase, ensureFlywheelTopics } from './support/stack-resources';
import { gaussian } from './support/churn-data';
import { type FlywheelProcess, startFlywheel } from './support/flywheel-process';
import { grpcClient } from './support/grpc-client';

// The drift loop through real processes: inference logs produced to Kafka, stored by the
// ingestion service into ClickHouse (chDB), watched by the monitoring service in 2-second
// windows against the reference profile registered in the registry, whose commands come back
// on Kafka.

const WINDOW_MS = 2_000;
const K = 2;

/** The reference profile a trainer would register: N(0, 1) features x1..x3, colours in thirds, as live traffic. */
function trainingProfile(): registryV1.ReferenceProfile {
  const rows = 20_000;
  const numeric = (seed: number): registryV1.FeatureProfile['numeric'] => {
    const next = gaussian(seed);
    return numericProfileOf(sampleFromValues(Array.from({ length: rows }, () => next())));
  };
  return {
    rowCount: rows,
    features: [
      { name: 'x1', missingCount: 0, numeric: numeric(11) },
      { name: 'x2', missingCount: 0, numeric: numeric(12) },
      { name: 'x3', missingCount: 0, numeric: numeric(13) },
      {
        name: 'color',
        missingCount: 0,
        categorical: { frequencies: { red: 6_667, green: 6_667, blue: 6_666 } },
      },
    ],
  };
}

describe('drift loop: Kafka → ingestion → ClickHouse → monitoring → Kafka', () => {
  const brokers = testStack().kafkaBrokers;
  const logsTopic = defineTopic(
    uniqueName('e2e_logs'),
    codecForTopic(Topic.InferenceLogs),
    (log: InferenceLog) => log.modelName,
  );
  const feedbackTopic = uniqueName('e2e_feedback');
  const driftModel = uniqueName('e2e_drift');
  const canaryModel = uniqueName('e2e_canary');
  const bus = new KafkaEventBus({ brokers, logger: silentLogger });
  const producer = bus.createProducer();
  const commands: OrchestrationCommand[] = [];
  const reports: DriftReport[] = [];
  let dataDir: string;
  let database: ScratchDatabase;
  let flywheel: FlywheelProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-drift-loop-'));
    database = await createScratchDatabase(uniqueName('drift_loop'));
    await ensureFlywheelTopics(brokers);
    await mkdir(join(dataDir, 'artifacts', 'models', 'v1'), { recursive: true });
    await bus.ensureTopics(withDeadLetterTopics([logsTopic.name, feedbackTopic]), 3);
    const consumer = bus.createConsumer({ groupId: uniqueName('e2e-commands'), startFrom: 'latest' });
    consumer.subscribe(
      flywheelTopic(Topic.OrchestrationCommands),
      forEachMessage((message) => {
        if ([driftModel, canaryModel].includes(message.value.modelName)) commands.push(message.value);
        return Promise.resolve();
      }),
    );
    consumer.subscribe(
      flywheelTopic(Topic.MonitoringDrift),
      forEachMessage((message) => {
        if ([driftModel, canaryModel].includes(message.value.modelName)) reports.push(message.value);
        return Promise.resolve();
      }),
    );
    await consumer.start();
    flywheel = await startFlywheel({
      targets: ['registry', 'ingestion', 'monitoring'],
      portVariables: ['FLYWHEEL_INGESTION_GRPC_PORT', 'FLYWHEEL_MONITORING_GRPC_PORT'],
      logFile: join(dataDir, 'flywheel.log'),
      env: {
        FLYWHEEL_DATA_DIR: dataDir,
        FLYWHEEL_DATABASE_URL: database.url,
        FLYWHEEL_ARTIFACT_ROOT: `file://${join(dataDir, 'artifacts')}`,
        FLYWHEEL_KAFKA_BROKERS: brokers.join(','),
        FLYWHEEL_CLICKHOUSE_DATABASE: uniqueName('e2e'),
        FLYWHEEL_INGESTION_LOGS_TOPIC: logsTopic.name,
        FLYWHEEL_INGESTION_FEEDBACK_TOPIC: feedbackTopic,
        FLYWHEEL_INGESTION_GROUP_ID: uniqueName('e2e-ingestion'),
        FLYWHEEL_INGESTION_FLUSH_MS: '100',
        FLYWHEEL_INGESTION_REGISTRY_ADDRESS: 'off',
        FLYWHEEL_MONITORING_WINDOW_SECONDS: String(WINDOW_MS / 1000),
        FLYWHEEL_MONITORING_LATENESS_SECONDS: '2',
        FLYWHEEL_MONITORING_TICK_SECONDS: '1',
        FLYWHEEL_MONITORING_RETRAIN_AFTER_WINDOWS: String(K),
        FLYWHEEL_MONITORING_REFERENCE: 'registry',
      },
    });
    // The drift model's version 1 carries the training profile it is monitored against; the canary
    // model has none, so its versions fall back to their first window of live traffic.
    const registry = grpcClient(
      registryV1.protobufFileName,
      ['flywheel', 'registry', 'v1', 'RegistryService'],
      `127.0.0.1:${flywheel.ports.registryGrpc}`,
    );
    await registry.call('createRegisteredModel', { name: driftModel });
    await registry.call('createModelVersion', {
      name: driftModel,
      source: `file://${join(dataDir, 'artifacts', 'models', 'v1')}`,
      referenceProfile: trainingProfile(),
    });
    registry.close();
  });

  afterAll(async () => {
    await flywheel?.stop();
    await database?.drop();
    await bus.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** `rows` logs with event times spread over window `startMs`. */
  function windowLogs(
    model: string,
    startMs: number,
    rows: number,
    options: { shift?: number; variant?: Variant; version?: number; errorRate?: number; seed: number },
  ): InferenceLog[] {
    const next = gaussian(options.seed);
    return Array.from({ length: rows }, (_, i) => {
      const x1 = next() + (options.shift ?? 0);
      const x2 = next() + (options.shift ?? 0);
      const score = 1 / (1 + Math.exp(-(x1 + x2) / 2));
      const failed = i % 100 < (options.errorRate ?? 0) * 100;
      return {
        requestId: randomUUID(),
        modelName: model,
        modelVersion: options.version ?? 1,
        variant: options.variant ?? Variant.CHAMPION,
        timestampMs: startMs + Math.floor((i * WINDOW_MS) / rows),
        numericFeatures: { x1, x2, x3: next() },
        categoricalFeatures: { color: ['red', 'green', 'blue'][i % 3] ?? 'red' },
        prediction: { score, label: score >= 0.5 ? '1' : '0', rawOutputs: {} },
        latencyMs: 10 + (i % 10),
        status: failed ? InferenceStatus.ERROR : InferenceStatus.OK,
        error: failed ? 'boom' : '',
      };
    });
  }

  it('retrains K windows after two of four features shift, and rolls back a failing canary in its first bad window', async () => {
    // Windows start on the 2-second grid from the next one; each is produced as it begins.
    const base = Math.ceil((Date.now() + WINDOW_MS) / WINDOW_MS) * WINDOW_MS;
    const shiftFrom = 3;
    const canaryFailsFrom = 2;
    for (let i = 0; i < 7; i++) {
      const startMs = base + i * WINDOW_MS;
      await waitFor(() => Date.now() >= startMs, {
        timeoutMs: 3 * WINDOW_MS,
        intervalMs: 20,
        description: `window ${i} start`,
      });
      const logs = [
        ...windowLogs(driftModel, startMs, 1_200, { shift: i >= shiftFrom ? 1 : 0, seed: i + 1 }),
        ...windowLogs(canaryModel, startMs, 1_200, { seed: 100 + i }),
        ...windowLogs(canaryModel, startMs, 300, {
          variant: Variant.CANARY,
          version: 2,
          errorRate: i >= canaryFailsFrom ? 0.3 : 0,
          seed: 200 + i,
        }),
      ];
      await producer.sendMany(
        logsTopic,
        logs.map((value) => ({ value })),
      );
    }
    const retrain = await waitFor(
      () => commands.find((c) => c.modelName === driftModel && c.retrainRequested),
      {
        timeoutMs: 30_000,
        description: 'retrain.requested',
      },
    );
    expect(retrain.retrainRequested?.evidence?.windowStartMs).toBe(base + (shiftFrom + K - 1) * WINDOW_MS);
    expect(retrain.retrainRequested?.evidence?.driftedFeatures).toEqual(['x1', 'x2']);
    const rollback = await waitFor(
      () => commands.find((c) => c.modelName === canaryModel && c.rollbackRequested),
      {
        timeoutMs: 30_000,
        description: 'rollback.requested',
      },
    );
    expect(rollback.rollbackRequested).toMatchObject({
      canaryVersion: 2,
      evidence: { windowStartMs: base + canaryFailsFrom * WINDOW_MS },
    });
    expect(commands.filter((c) => c.retrainRequested)).toHaveLength(1);
    expect(commands.filter((c) => c.rollbackRequested)).toHaveLength(1);

    // The drift model was judged against its registry profile (window 0 differs from it by
    // sampling noise); the canary model, without a profile, against its own first window.
    const firstReport = (model: string) =>
      reports.find((r) => r.modelName === model && r.windowStartMs === base);
    const x1 = (report: DriftReport | undefined) =>
      report?.features.find((f) => f.feature === 'x1')?.statistic;
    expect(x1(firstReport(driftModel))).toBeGreaterThan(0);
    expect(x1(firstReport(driftModel))).toBeLessThan(0.1);
    expect(x1(firstReport(canaryModel))).toBe(0);
  });
});
