import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Client, Metadata, type ServiceClientConstructor, type ServiceError, credentials, loadPackageDefinition, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { DeploymentEventKind, PROTO_LOADER_OPTIONS, TOPIC_CODECS, Topic, Variant, inferenceV2, protoPath, registryV1, type DeploymentEvent, type InferenceLog } from '@flywheel/contracts';
import { KafkaEventBus, defineTopic, silentLogger } from '@flywheel/kafka';
import { encodeLogisticRegressionOnnx } from '@flywheel/onnx';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { startFlywheel, type FlywheelProcess } from './support/flywheel-process';
import { createScratchDatabase, type ScratchDatabase } from './support/stack-resources';

// Issue 7: the serving gateway as a real process next to a real registry, Kafka and PostgreSQL.
const FEATURES = 20;
const MODEL = uniqueName('credit_risk');
const weightsOf = (seed: number) => Array.from({ length: FEATURES }, (_, i) => Math.sin(seed * 31 + i) / 2);
const V1 = { featureNames: Array.from({ length: FEATURES }, (_, i) => `f${i}`), weights: weightsOf(1), bias: 0.1 };
const V2 = { ...V1, weights: weightsOf(2), bias: -0.2 };

type Unary = (request: unknown, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void;

function grpcClient(file: string, path: string[], address: string): Client & Record<string, Unary> {
  const loaded = loadPackageDefinition(loadSync(protoPath(file), PROTO_LOADER_OPTIONS)) as Record<string, unknown>;
  const Service = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], loaded) as ServiceClientConstructor;
  return new Service(address, credentials.createInsecure(), { 'grpc.max_receive_message_length': 64 << 20, 'grpc.max_send_message_length': 64 << 20 }) as Client & Record<string, Unary>;
}

function call<T>(client: Record<string, Unary>, method: string, request: unknown, metadata = new Metadata()): Promise<T> {
  return new Promise((resolve, reject) => client[method]!(request, metadata, (error, response) => (error ? reject(error) : resolve(response as T))));
}

function rows(count: number, seed: number): number[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: FEATURES }, (_, c) => Math.cos(seed + r * 7 + c) * 2));
}

function rawRequest(features: number[][], extra: Partial<inferenceV2.ModelInferRequest> = {}): Partial<inferenceV2.ModelInferRequest> {
  return {
    modelName: MODEL,
    inputs: [{ name: 'features', datatype: 'FP32', shape: [features.length, FEATURES], parameters: {} }],
    rawInputContents: [Buffer.from(Float32Array.from(features.flat()).buffer)],
    ...extra,
  };
}

function probabilities(response: inferenceV2.ModelInferResponse): number[] {
  const raw = response.rawOutputContents[0]!;
  return Array.from(new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)));
}

describe('serving gateway (Open Inference Protocol) against the registry, Kafka and PostgreSQL', () => {
  const stack = testStack();
  const deploymentTopic = uniqueName('deployments');
  const logsTopic = uniqueName('inference_logs');
  const bus = new KafkaEventBus({ brokers: stack.kafkaBrokers, logger: silentLogger });
  const deployments = defineTopic(deploymentTopic, TOPIC_CODECS[Topic.DeploymentEvents], (event: DeploymentEvent) => event.modelName);
  const logs: InferenceLog[] = [];
  let dir: string;
  let database: ScratchDatabase;
  let flywheel: FlywheelProcess;
  let servingGrpc: string;
  let servingHttp: string;
  let gateway: Client & Record<string, Unary>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'serving-e2e-'));
    database = await createScratchDatabase(uniqueName('serving_e2e'));
    await bus.ensureTopics([deploymentTopic, logsTopic], 3);
    const consumer = bus.createConsumer({ groupId: uniqueName('serving_logs') });
    consumer.subscribe(defineTopic(logsTopic, TOPIC_CODECS[Topic.InferenceLogs]), (batch) => {
      logs.push(...batch.messages.map((message) => message.value));
      return Promise.resolve();
    });
    await consumer.start();
    const artifactRoot = join(dir, 'artifacts');
    for (const [name, model] of [['v1', V1], ['v2', V2]] as const) {
      await mkdir(join(artifactRoot, 'models', name), { recursive: true });
      await writeFile(join(artifactRoot, 'models', name, 'model.onnx'), encodeLogisticRegressionOnnx(model));
    }
    flywheel = await startFlywheel({
      targets: ['registry', 'serving-gateway'],
      portVariables: ['FLYWHEEL_SERVING_GRPC_PORT', 'FLYWHEEL_SERVING_HTTP_PORT'],
      logFile: join(dir, 'flywheel.log'),
      env: {
        FLYWHEEL_DATA_DIR: join(dir, 'data'),
        FLYWHEEL_DATABASE_URL: database.url,
        FLYWHEEL_ARTIFACT_ROOT: `file://${artifactRoot}`,
        FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
        FLYWHEEL_SERVING_DEPLOYMENT_TOPIC: deploymentTopic,
        FLYWHEEL_SERVING_LOGS_TOPIC: logsTopic,
      },
    });
    servingGrpc = `127.0.0.1:${flywheel.extraPorts['FLYWHEEL_SERVING_GRPC_PORT']}`;
    servingHttp = `127.0.0.1:${flywheel.extraPorts['FLYWHEEL_SERVING_HTTP_PORT']}`;
    const registry = grpcClient(registryV1.protobufFileName, ['flywheel', 'registry', 'v1', 'RegistryService'], `127.0.0.1:${flywheel.ports.registryGrpc}`);
    await call(registry, 'createRegisteredModel', { name: MODEL });
    for (const name of ['v1', 'v2']) await call(registry, 'createModelVersion', { name: MODEL, source: `file://${artifactRoot}/models/${name}` });
    await call(registry, 'setRegisteredModelAlias', { name: MODEL, alias: 'champion', version: 1 });
    registry.close();
    gateway = grpcClient(inferenceV2.protobufFileName, ['inference', 'GRPCInferenceService'], servingGrpc);
  }, 300_000);

  afterAll(async () => {
    gateway?.close();
    await flywheel?.stop();
    await bus.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  // The model's math in float64 (onnxruntime-node cannot run inside Jest's sandbox: its tensor
  // type checks reject the sandbox's typed arrays); the gateway's FP32 answers must agree to 1e-6.
  function expectedProbabilities(model: typeof V1, features: number[][]): number[] {
    return features.map((row) => 1 / (1 + Math.exp(-(row.reduce((sum, x, i) => sum + Math.fround(x) * Math.fround(model.weights[i]!), 0) + Math.fround(model.bias)))));
  }

  function expectClose(actual: number[], expected: number[]): void {
    expect(actual).toHaveLength(expected.length);
    actual.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1e-6));
  }

  it('answers ModelInfer over gRPC (raw and typed contents) with the champion, equal to the model computed directly', async () => {
    const features = rows(4, 1);
    const expected = expectedProbabilities(V1, features);
    const raw = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', rawRequest(features, { id: 'req-raw' }));
    expect(raw).toMatchObject({ modelName: MODEL, modelVersion: '1', id: 'req-raw', outputs: [{ name: 'probability', datatype: 'FP32', shape: [4, 1] }] });
    expectClose(probabilities(raw), expected);
    const typed = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', {
      modelName: MODEL,
      inputs: [{ name: 'features', datatype: 'FP32', shape: [4, FEATURES], contents: { fp32Contents: features.flat() } }],
    });
    expectClose(probabilities(typed), expected);
  });

  it('answers the REST infer route with the same numbers, and metadata and readiness routes', async () => {
    const features = rows(3, 2);
    const expected = expectedProbabilities(V1, features);
    const response = await fetch(`http://${servingHttp}/v2/models/${MODEL}/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'rest-1', inputs: [{ name: 'features', datatype: 'FP32', shape: [3, FEATURES], data: features }] }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { outputs: Array<{ data: number[] }> };
    expectClose(body.outputs[0]!.data, expected);
    expect((await fetch(`http://${servingHttp}/v2/health/live`)).status).toBe(200);
    expect((await fetch(`http://${servingHttp}/v2/health/ready`)).status).toBe(200);
    expect(await (await fetch(`http://${servingHttp}/v2/models/${MODEL}/ready`)).json()).toEqual({ ready: true });
    expect(await (await fetch(`http://${servingHttp}/v2/models/${MODEL}`)).json()).toMatchObject({
      name: MODEL,
      versions: ['1'],
      inputs: [{ name: 'features', datatype: 'FP32', shape: [-1, FEATURES] }],
    });
  });

  it('passes the unchanged tritonclient (gRPC and HTTP) checks', async () => {
    const features = rows(5, 3);
    const expected = expectedProbabilities(V1, features);
    const expectedFile = join(dir, 'expected.json');
    await writeFile(expectedFile, JSON.stringify({ features, probability: expected.map((p) => [p]) }));
    const python = join(__dirname, '..', '.cache', 'pyenv', 'bin', 'python');
    const { stdout } = await promisify(execFile)(python, [join(__dirname, 'python', 'triton_client.py'), servingGrpc, servingHttp, MODEL, expectedFile], { timeout: 120_000 });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ ok: true, checks_passed: 12 });
  });

  it('refuses malformed requests with a status and message naming the field, 10,000 times over gRPC and 1,000 over REST, and still serves', async () => {
    const cases: Array<[Partial<inferenceV2.ModelInferRequest>, status, RegExp]> = [
      [{ ...rawRequest(rows(1, 0)), inputs: [{ name: 'features', datatype: 'INT64', shape: [1, FEATURES], parameters: {} }] }, status.INVALID_ARGUMENT, /raw_input_contents\[0\]|datatype/],
      [rawRequest(rows(1, 0), { inputs: [{ name: 'features', datatype: 'FP32', shape: [1, 7], parameters: {} }] }), status.INVALID_ARGUMENT, /raw_input_contents\[0\]/],
      [rawRequest(rows(1, 0), { modelName: 'no_such_model' }), status.NOT_FOUND, /no_such_model/],
      [{ ...rawRequest(rows(1, 0)), inputs: [{ name: 'features', datatype: 'FP32', shape: [1, FEATURES], parameters: {}, contents: { fp32Contents: rows(1, 0).flat() } as never }] }, status.INVALID_ARGUMENT, /inputs\[0\]\.contents/],
      [rawRequest(rows(60_000, 0)), status.INVALID_ARGUMENT, /limit/],
    ];
    for (const [request, code, message] of cases) {
      await expect(call(gateway, 'modelInfer', request)).rejects.toMatchObject({ code, details: expect.stringMatching(message) as unknown });
    }
    const datatypes = ['FP32', 'FP64', 'INT64', 'INT32', 'BOOL', 'BYTES', 'FP16', ''];
    let refused = 0;
    for (let batch = 0; batch < 100; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const n = (batch * 100 + i) % 97;
          const request = {
            modelName: n % 11 === 0 ? '' : MODEL,
            modelVersion: n % 13 === 0 ? 'x' : '',
            inputs: [{ name: n % 5 === 0 ? 'other' : 'features', datatype: datatypes[n % datatypes.length], shape: [1, n % 23], parameters: {} }],
            rawInputContents: [Buffer.alloc(n * 3)],
          };
          await call(gateway, 'modelInfer', request).catch((error: ServiceError) => {
            if ([status.INVALID_ARGUMENT, status.NOT_FOUND].includes(error.code)) refused++;
          });
        }),
      );
    }
    expect(refused).toBe(10_000);
    const ok = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', rawRequest(rows(1, 5)));
    expectClose(probabilities(ok), expectedProbabilities(V1, rows(1, 5)));
    const bodies = ['{', 'null', '[]', '{"inputs":{}}', '{"inputs":[{"name":"features","datatype":"FP32","shape":[1,20],"data":["x"]}]}', '{"inputs":[{"name":"features","datatype":"INT8","shape":[1],"data":[1]}]}'];
    let restRefused = 0;
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const n = batch * 50 + i;
          const response = await fetch(`http://${servingHttp}/v2/models/${n % 7 === 0 ? 'nope' : MODEL}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[n % bodies.length]! });
          if (response.status === 400 || response.status === 404) restRefused++;
        }),
      );
    }
    expect(restRefused).toBe(1_000);
    const rest = await fetch(`http://${servingHttp}/v2/models/${MODEL}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"inputs":[{"name":"features","datatype":"FP32","shape":[1,2],"data":[1]}]}' });
    expect(rest.status).toBe(400);
    expect(await rest.json()).toEqual({ error: expect.stringContaining('inputs[0].data') as unknown });
  });

  it('logs every inference to Kafka with model, version, variant, features and output', async () => {
    await call(gateway, 'modelInfer', rawRequest(rows(1, 9), { id: 'logged-1' }));
    const log = await waitFor(() => logs.find((entry) => entry.requestId === 'logged-1'), { timeoutMs: 30_000, description: 'inference log logged-1' });
    expect(log).toMatchObject({ modelName: MODEL, modelVersion: 1, latencyMs: expect.any(Number) as unknown });
    expect(Object.keys(log.numericFeatures)).toHaveLength(FEATURES);
    expect(log.numericFeatures['f0']).toBeCloseTo(rows(1, 9)[0]![0]!, 5);
    expect(log.prediction?.score).toBeGreaterThan(0);
  });

  it('flips champion-only to a 20 % canary and back under load: no request fails, split 20 ± 3 % over 5,000', async () => {
    const producer = bus.createProducer();
    const publish = (canaryWeightPercent: number) =>
      producer.send(deployments, {
        eventId: uniqueName('event'),
        modelName: MODEL,
        occurredAtMs: Date.now(),
        kind: canaryWeightPercent > 0 ? DeploymentEventKind.ROLLOUT_STARTED : DeploymentEventKind.ROLLED_BACK,
        policy: { championVersion: 1, canaryVersion: canaryWeightPercent > 0 ? 2 : 0, canaryWeightPercent, shadowVersion: 0, stickyKeyHeader: '' },
        reason: 'e2e traffic flip',
      });
    const request = rawRequest(rows(1, 4));
    const served = { 1: 0, 2: 0 } as Record<string, number>;
    let failures = 0;
    let stop = false;
    let phase: 'before' | 'canary' | 'after' = 'before';
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!stop) {
          try {
            const response = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', request);
            if (phase === 'canary') served[response.modelVersion] = (served[response.modelVersion] ?? 0) + 1;
          } catch {
            failures++;
          }
        }
      }),
    );
    try {
      await publish(20);
      await waitFor(
        async () => (await call<inferenceV2.ModelMetadataResponse>(gateway, 'modelMetadata', { name: MODEL })).versions.length === 2,
        { timeoutMs: 30_000, description: 'canary policy applied' },
      );
      phase = 'canary';
      await waitFor(() => (served['1'] ?? 0) + (served['2'] ?? 0) >= 5_000 || failures > 0, { timeoutMs: 120_000, intervalMs: 20, description: '5,000 canary-phase requests' });
      phase = 'after';
      await publish(0);
      await waitFor(
        async () => (await call<inferenceV2.ModelMetadataResponse>(gateway, 'modelMetadata', { name: MODEL })).versions.length === 1,
        { timeoutMs: 30_000, description: 'champion-only policy applied' },
      );
    } finally {
      stop = true;
      await load;
      await producer.close();
    }
    const total = (served['1'] ?? 0) + (served['2'] ?? 0);
    expect(failures).toBe(0);
    expect(((served['2'] ?? 0) / total) * 100).toBeGreaterThanOrEqual(17);
    expect(((served['2'] ?? 0) / total) * 100).toBeLessThanOrEqual(23);
    const after = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', request);
    expect(after.modelVersion).toBe('1');
  });

  it('runs the shadow on a copy, logs its answer as variant shadow and never returns it; a sticky key keeps one caller on one version', async () => {
    const producer = bus.createProducer();
    const policy = (fields: Partial<DeploymentEvent['policy'] & object>) =>
      producer.send(deployments, {
        eventId: uniqueName('event'),
        modelName: MODEL,
        occurredAtMs: Date.now(),
        kind: DeploymentEventKind.POLICY_SET,
        policy: { championVersion: 1, canaryVersion: 0, canaryWeightPercent: 0, shadowVersion: 0, stickyKeyHeader: '', ...fields },
        reason: 'e2e shadow and sticky',
      });
    const versionsServed = async () => (await call<inferenceV2.ModelMetadataResponse>(gateway, 'modelMetadata', { name: MODEL })).versions;
    try {
      await policy({ shadowVersion: 2 });
      await waitFor(async () => (await versionsServed()).join() === '1,2', { timeoutMs: 30_000, description: 'shadow policy applied' });
      const answer = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', rawRequest(rows(1, 11), { id: 'shadowed-1' }));
      expect(answer.modelVersion).toBe('1');
      expectClose(probabilities(answer), expectedProbabilities(V1, rows(1, 11)));
      const shadowLog = await waitFor(() => logs.find((entry) => entry.requestId === 'shadowed-1' && entry.variant === Variant.SHADOW), { timeoutMs: 30_000, description: 'shadow log' });
      expect(shadowLog.modelVersion).toBe(2);
      expect(shadowLog.prediction?.score).toBeCloseTo(expectedProbabilities(V2, rows(1, 11))[0]!, 5);
      expect(logs.find((entry) => entry.requestId === 'shadowed-1' && entry.variant === Variant.CHAMPION)?.modelVersion).toBe(1);

      // The shadow policy already serves versions 1 and 2, so go back to champion-only first:
      // the sticky canary policy is then observably applied once version 2 is served again.
      await policy({});
      await waitFor(async () => (await versionsServed()).join() === '1', { timeoutMs: 30_000, description: 'champion-only policy applied' });
      await policy({ canaryVersion: 2, canaryWeightPercent: 50, stickyKeyHeader: 'x-user' });
      await waitFor(async () => (await versionsServed()).join() === '1,2', { timeoutMs: 30_000, description: 'sticky canary policy applied' });
      const seen = new Map<string, Set<string>>();
      for (let user = 0; user < 40; user++) {
        for (let repeat = 0; repeat < 5; repeat++) {
          const response = await call<inferenceV2.ModelInferResponse>(gateway, 'modelInfer', rawRequest(rows(1, 1)), userMetadata(`user-${user}`));
          seen.set(`user-${user}`, (seen.get(`user-${user}`) ?? new Set()).add(response.modelVersion));
        }
      }
      expect([...seen.values()].every((versions) => versions.size === 1)).toBe(true);
      expect(new Set([...seen.values()].flatMap((versions) => [...versions]))).toEqual(new Set(['1', '2']));
    } finally {
      await policy({});
      await producer.close();
    }
  });

  function userMetadata(user: string): Metadata {
    const metadata = new Metadata();
    metadata.set('x-user', user);
    return metadata;
  }
});
