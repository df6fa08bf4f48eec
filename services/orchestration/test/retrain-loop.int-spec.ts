import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  type DeploymentEvent,
  DeploymentEventKind,
  type OrchestrationCommand,
  TOPIC_CODECS,
  Topic,
  orchestrationV1,
} from '@flywheel/contracts';
import { insertRows, runClickHouseMigrations } from '@flywheel/clickhouse';
import { type EventBus, type EventConsumer, KafkaEventBus, defineTopic, silentLogger } from '@flywheel/kafka';
import { freePorts, testStack, uniqueName, waitFor } from '@flywheel/testing';
import { RegistryClient } from '../src/clients/registry-client';
import { TrackingClient } from '../src/clients/tracking-client';
import { type LoopServices, startLoopServices } from './loop-harness';
import {
  type Orchestrator,
  type OrchestrationWorld,
  createWorld,
  startOrchestrator,
} from './orchestration-harness';

jest.setTimeout(180_000);

const PYTHON = join(__dirname, '..', '..', '..', '.cache', 'pyenv', 'bin', 'python');
const PYTHON_TRAINER = join(__dirname, '..', 'examples', 'python-trainer', 'train.py');
const INGESTION_MIGRATIONS = join(__dirname, '..', '..', 'ingestion', 'clickhouse');
const model = uniqueName('churn').replaceAll('_', '-');
const database = uniqueName('orch_ch');
const commandsTopic = uniqueName('loop_commands');
const deploymentsTopic = uniqueName('loop_deployments');

const pipeline = `
apiVersion: flywheel/v1
kind: Pipeline
name: churn-retrain
params:
  model_name: ${model}
  min_auc: { type: number, default: 0.6 }
concurrency: forbid
triggers:
  - event: retrain.requested
    filter: { model_name: ${model}, issued_by: monitoring }
  - event: retrain.requested
    filter: { model_name: ${model}, issued_by: strict-ci }
    params: { min_auc: 0.999 }
steps:
  - name: validate-data
    uses: validate-data
    with: { dataset: 'window:${model}/last=1d', checks: { min_rows: 100 }, schema: [tenure_months, complaints] }
  - name: train
    uses: train
    depends_on: validate-data
    with: { dataset: '\${{ steps.validate-data.outputs.dataset_uri }}', hyperparameters: { iterations: 300 } }
  - name: register
    uses: register
    depends_on: train
    with:
      model_name: '\${{ params.model_name }}'
      model_uri: '\${{ steps.train.outputs.model_uri }}'
      run_id: '\${{ steps.train.outputs.run_id }}'
      dataset_hash: '\${{ steps.validate-data.outputs.dataset_hash }}'
  - name: evaluate
    uses: evaluate
    depends_on: register
    with:
      model_uri: '\${{ steps.train.outputs.model_uri }}'
      dataset: '\${{ steps.validate-data.outputs.dataset_uri }}'
      run_id: '\${{ steps.train.outputs.run_id }}'
      model_name: '\${{ params.model_name }}'
      version: '\${{ steps.register.outputs.version }}'
      gates: { version: 1, metrics: { auc_roc: '\${{ params.min_auc }}', auc_roc_delta: -0.05, log_loss: 0.69 } }
  - name: deploy-canary
    uses: deploy-canary
    depends_on: evaluate
    when: steps.evaluate.outputs.passed == true
    with: { model_name: '\${{ params.model_name }}', version: '\${{ steps.register.outputs.version }}', traffic_steps: [5, 50], step_interval: 300ms }
  - name: enroll-monitoring
    uses: enroll-monitoring
    depends_on: evaluate
    when: steps.evaluate.outputs.passed == true
    with: { model_name: '\${{ params.model_name }}', version: '\${{ steps.register.outputs.version }}' }
  - name: promote
    uses: promote
    depends_on: [deploy-canary, enroll-monitoring]
    when: steps.deploy-canary.outputs.healthy == true
    with: { model_name: '\${{ params.model_name }}', version: '\${{ steps.register.outputs.version }}' }
`;

/**
 * Scores one row with onnxruntime-node as the serving gateway would load the model, in a child
 * process (onnxruntime's native tensors reject typed arrays made inside Jest's sandbox).
 */
function scoreWithOnnxRuntime(modelPath: string, row: number[]): { dims: number[]; inRange: boolean } {
  const script = `
    const ort = require('onnxruntime-node');
    ort.InferenceSession.create(process.argv[1]).then(async (session) => {
      const out = await session.run({ features: new ort.Tensor('float32', Float32Array.from(JSON.parse(process.argv[2])), [1, ${row.length}]) });
      const p = out.probability.data[0];
      process.stdout.write(JSON.stringify({ dims: out.probability.dims, inRange: p > 0 && p < 1 }));
    });`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, modelPath, JSON.stringify(row)], { encoding: 'utf8' }),
  ) as {
    dims: number[];
    inRange: boolean;
  };
}

/** The serving gateway in its own process (SWC on the fly), resolved once it serves. */
async function spawnGateway(
  services: LoopServices,
  deploymentTopic: string,
): Promise<{ url: string; process: ChildProcess }> {
  const [httpPort, grpcPort] = await freePorts(2);
  const root = join(__dirname, '..', '..', '..');
  const settings = {
    kafkaBrokers: testStack().kafkaBrokers.join(','),
    artifactRoot: services.artifactRoot,
    registryAddress: services.registryAddress,
    deploymentTopic,
    httpPort,
    grpcPort,
  };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'gateway-process.ts'), JSON.stringify(settings)],
    {
      cwd: root,
      env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.base.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
    child.once('exit', (code) => fail(new Error(`serving gateway exited with ${code}: ${stderr}`)));
  });
  return { url: `http://127.0.0.1:${httpPort}`, process: child };
}

/** Churn-like labelled traffic: tenure lowers the odds, complaints raise them (fixed LCG). */
function traffic(count: number): { logs: object[]; feedback: object[] } {
  let seed = 7;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const logs: object[] = [];
  const feedback: object[] = [];
  for (let i = 0; i < count; i += 1) {
    const requestId = `req-${i}`;
    const tenure = random() * 60;
    const complaints = Math.floor(random() * 5);
    const churned = random() < 1 / (1 + Math.exp(-(1.5 - 0.08 * tenure + 0.9 * complaints)));
    const timestamp = at(Date.now() - 60_000 - i * 1_000);
    logs.push({
      request_id: requestId,
      model_name: model,
      model_version: 1,
      variant: 'champion',
      timestamp,
      numeric_features: { tenure_months: tenure, complaints },
      categorical_features: {},
      prediction_score: 0.5,
      prediction_label: '',
      raw_outputs: {},
      latency_ms: 2,
      status: 'ok',
      error: '',
    });
    feedback.push({
      request_id: requestId,
      model_name: model,
      label: 'churned',
      value: churned ? 1 : 0,
      timestamp,
    });
  }
  return { logs, feedback };
}

describe('the retrain loop from retrain.requested', () => {
  let services: LoopServices;
  let world: OrchestrationWorld;
  let orchestrator: Orchestrator;
  let bus: EventBus;
  let consumer: EventConsumer;
  let registry: RegistryClient;
  const deployments: DeploymentEvent[] = [];
  const commands = defineTopic(
    commandsTopic,
    TOPIC_CODECS[Topic.OrchestrationCommands],
    (c: OrchestrationCommand) => c.modelName,
  );

  beforeAll(async () => {
    services = await startLoopServices();
    bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
    await bus.ensureTopics([commandsTopic, deploymentsTopic], 1);
    consumer = bus.createConsumer({ groupId: uniqueName('loop_deployments_test') });
    consumer.subscribe(defineTopic(deploymentsTopic, TOPIC_CODECS[Topic.DeploymentEvents]), (batch) => {
      deployments.push(...batch.messages.map((message) => message.value));
      return Promise.resolve();
    });
    await consumer.start();
    world = await createWorld({
      registry: { address: services.registryAddress },
      events: {
        commandsTopic,
        deploymentsTopic,
        registryEventsTopic: services.registryEventsTopic,
        consumerGroup: uniqueName('orchestration'),
      },
      ml: { trackingUrl: services.trackingUrl, clickhouseDatabase: database },
      executor: {
        envAllowlist: [],
        outputLimitBytes: 16_384,
        killGraceMs: 500,
        serviceEnv: { MLFLOW_TRACKING_URI: services.trackingUrl },
      },
    });
    orchestrator = await startOrchestrator(world, { FLYWHEEL_ARTIFACT_ROOT: services.artifactRoot });
    const clickhouse = orchestrator.resources.clickhouse();
    await runClickHouseMigrations(clickhouse, { database, dir: INGESTION_MIGRATIONS });
    const { logs, feedback } = traffic(600);
    await insertRows(clickhouse, `${database}.inference_logs`, logs);
    await insertRows(clickhouse, `${database}.feedback`, feedback);
    await orchestrator.grpc.call('registerPipeline', { yaml: pipeline }, world.tokens.admin);
    registry = new RegistryClient(services.registryAddress);
  });

  afterAll(async () => {
    registry?.close();
    await orchestrator?.stop();
    await consumer?.close();
    await bus?.close();
    await world?.close();
    await services?.close();
  });

  /** Publishes retrain.requested and waits for the run it starts to finish. */
  async function retrain(issuedBy: string): Promise<orchestrationV1.PipelineRun> {
    const commandId = randomUUID();
    await bus.createProducer().send(commands, {
      commandId,
      modelName: model,
      issuedAtMs: Date.now(),
      issuedBy,
      retrainRequested: { reason: 'drift in 3 consecutive windows', evidence: undefined },
    });
    const runId = await waitFor(
      async () => {
        const { rows } = await world.pool.query<{ run_id: string | null }>(
          `SELECT run_id FROM "${world.options.schema}".processed_triggers WHERE key = $1`,
          [`command:${commandId}`],
        );
        return rows[0]?.run_id ?? undefined;
      },
      { timeoutMs: 20_000 },
    );
    return waitFor(
      async () => {
        const { run } = await orchestrator.grpc.call('getRun', { runId }, world.tokens.viewer);
        return run!.status !== orchestrationV1.RunStatus.RUNNING && run!;
      },
      { timeoutMs: 90_000 },
    );
  }

  /** Each step's status with its message, and the version's rollout state: what a failure needs to explain itself. */
  const outcome = async (
    run: orchestrationV1.PipelineRun,
    version: number,
  ): Promise<{ steps: Record<string, string>; rollout: object | undefined }> => {
    const { rows } = await world.pool.query<{ state: object }>(
      `SELECT state FROM "${world.options.schema}".rollouts WHERE model_name = $1 AND canary_version = $2`,
      [model, version],
    );
    return {
      steps: Object.fromEntries(
        run.steps.map((step) => [step.name, step.message ? `${step.status}: ${step.message}` : step.status]),
      ),
      rollout: rows[0]?.state,
    };
  };
  const champion = async (): Promise<number | undefined> =>
    (await registry.versionByAlias(model, 'champion'))?.version;

  it('trains, logs in tracking, registers and gates; the first version becomes champion, a passing one rolls out through the canary steps, a failing one is not deployed', async () => {
    const first = await retrain('monitoring');
    expect((await outcome(first, 1)).steps).toEqual({
      'validate-data': 'succeeded',
      train: 'succeeded',
      register: 'succeeded',
      evaluate: 'succeeded',
      'deploy-canary': 'succeeded',
      'enroll-monitoring': 'succeeded',
      promote: 'succeeded',
    });
    expect(await champion()).toBe(1);

    expect(first.status).toBe(orchestrationV1.RunStatus.SUCCEEDED);
    const second = await retrain('monitoring');
    expect(await outcome(second, 2)).toEqual({
      steps: {
        'validate-data': 'succeeded',
        train: 'succeeded',
        register: 'succeeded',
        evaluate: 'succeeded',
        'deploy-canary': 'succeeded',
        'enroll-monitoring': 'succeeded',
        promote: 'succeeded',
      },
      rollout: expect.objectContaining({ status: 'promoted' }),
    });
    expect(await champion()).toBe(2);
    // PROMOTED was published before deploy-canary ended; this test's consumer may read it later.
    await waitFor(() =>
      deployments.some((event) => event.modelName === model && event.kind === DeploymentEventKind.PROMOTED),
    );
    const rollout = deployments.filter(
      (event) =>
        event.modelName === model &&
        (event.policy?.canaryVersion === 2 || event.kind === DeploymentEventKind.PROMOTED),
    );
    expect(rollout.map((event) => [event.kind, event.policy!.canaryWeightPercent])).toEqual([
      [DeploymentEventKind.ROLLOUT_STARTED, 5],
      [DeploymentEventKind.STEP_ADVANCED, 50],
      [DeploymentEventKind.PROMOTED, 0],
    ]);

    const version2 = (await registry.versionByAlias(model, 'champion'))!;
    expect(version2.tags['flywheel.gate.passed']).toBe('true');
    expect(version2.tags['flywheel.gate.report']).toMatch(
      /^passed: .*\nPASSED auc_roc min: auc_roc [\d.]+ meets the minimum 0.6/,
    );
    const run = await new TrackingClient(services.trackingUrl).getRun(version2.runId);
    expect(run.metrics.auc_roc).toBeGreaterThan(0.6);
    expect(Object.keys(run.metrics).sort()).toEqual(['accuracy', 'auc_roc', 'log_loss']);
    expect(scoreWithOnnxRuntime(join(fileURLToPath(version2.source), 'model.onnx'), [3, 2])).toEqual({
      dims: [1, 1],
      inRange: true,
    });

    const strict = await retrain('strict-ci');
    expect((await outcome(strict, 3)).steps).toMatchObject({
      register: 'succeeded',
      evaluate: 'succeeded',
      'deploy-canary': expect.stringMatching(/^skipped/),
      promote: expect.stringMatching(/^skipped/),
    });
    expect(await champion()).toBe(2);
    const version3 = await registry.version(model, 3);
    expect(version3.tags['flywheel.gate.passed']).toBe('false');
    expect(version3.tags['flywheel.gate.report']).toMatch(
      /^failed: .*\nFAILED auc_roc min: auc_roc [\d.]+ is below the minimum 0.999/,
    );
    expect(deployments.some((event) => event.modelName === model && event.policy?.canaryVersion === 3)).toBe(
      false,
    );
  });

  it('runs the example Python trainer (scikit-learn, skl2onnx, mlflow) through the process executor; its model is registered, rolled out and served by the gateway', async () => {
    const yaml = `
apiVersion: flywheel/v1
kind: Pipeline
name: python-train
steps:
  - name: validate-data
    uses: validate-data
    outputs: [data_file]
    with: { dataset: 'window:${model}/last=1d' }
  - name: train
    depends_on: validate-data
    timeout: 5m
    outputs: [run_id, model_uri]
    process:
      command: ${JSON.stringify(PYTHON)}
      args: [${JSON.stringify(PYTHON_TRAINER)}]
      env: { FLYWHEEL_DATA_FILE: '\${{ steps.validate-data.outputs.data_file }}', FLYWHEEL_EXPERIMENT: ${model}-python }
  - name: register
    uses: register
    depends_on: train
    with: { model_name: ${model}, model_uri: '\${{ steps.train.outputs.model_uri }}', run_id: '\${{ steps.train.outputs.run_id }}' }
  - name: deploy-canary
    uses: deploy-canary
    depends_on: register
    with: { model_name: ${model}, version: '\${{ steps.register.outputs.version }}', traffic_steps: [50], step_interval: 300ms }
`;
    await orchestrator.grpc.call('registerPipeline', { yaml }, world.tokens.admin);
    const { runId } = await orchestrator.grpc.call(
      'triggerPipeline',
      { name: 'python-train' },
      world.tokens.scientist,
    );
    const run = await waitFor(
      async () => {
        const { run: current } = await orchestrator.grpc.call('getRun', { runId }, world.tokens.viewer);
        return current!.status !== orchestrationV1.RunStatus.RUNNING && current!;
      },
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    expect(run.steps.map((step) => [step.name, step.status, step.message])).toEqual([
      ['validate-data', 'succeeded', ''],
      ['train', 'succeeded', ''],
      ['register', 'succeeded', ''],
      ['deploy-canary', 'succeeded', ''],
    ]);
    expect(run.steps[1]!.outputTail).toMatch(/run [0-9a-f]{32}: \{"auc_roc": 0\.\d+/);
    const trackingRunId = /run ([0-9a-f]{32})/.exec(run.steps[1]!.outputTail)![1]!;
    const modelVersions = await registry.versionsOfRun(model, trackingRunId);
    expect(modelVersions).toHaveLength(1);
    const tracked = await new TrackingClient(services.trackingUrl).getRun(modelVersions[0]!.runId);
    expect(tracked.metrics.auc_roc).toBeGreaterThan(0.6);
    expect(scoreWithOnnxRuntime(join(fileURLToPath(modelVersions[0]!.source), 'model.onnx'), [3, 2])).toEqual(
      { dims: [1, 1], inRange: true },
    );

    // Served: the gateway (its own process) loads the champion the canary promoted and answers.
    const python = modelVersions[0]!;
    // deploy-canary succeeds only once the promotion's effects are performed: the alias has moved.
    expect(await champion()).toBe(python.version);
    const gateway = await spawnGateway(services, deploymentsTopic);
    try {
      const answer = await waitFor(
        async () => {
          const response = await fetch(`${gateway.url}/v2/models/${model}/infer`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 2], data: [3, 2] }],
            }),
          });
          return (
            response.ok &&
            ((await response.json()) as {
              model_version: string;
              outputs: { name: string; shape: number[]; data: number[] }[];
            })
          );
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(answer.model_version).toBe(String(python.version));
      expect(answer.outputs).toEqual([expect.objectContaining({ name: 'probability', shape: [1, 1] })]);
      expect(answer.outputs[0]!.data[0]).toBeGreaterThan(0);
      expect(answer.outputs[0]!.data[0]).toBeLessThan(1);
    } finally {
      gateway.process.kill('SIGTERM');
    }
  });
});
