// Serving gateway benchmark: unary gRPC ModelInfer of a 20-feature logistic regression through
// the real platform process (registry + serving-gateway, built with `npx nx run flywheel:build`)
// on the stack's PostgreSQL (scratch database) and Kafka (inference logging on, scratch topics),
// next to onnxruntime-node called in-process on the same model. Progress goes to stderr; the
// result line is printed last on stdout:
//   gateway_rps=<n> p50_ms=<n> p99_ms=<n> direct_p50_ms=<n> overhead_p99_ms=<n>
// gateway_rps/p50/p99: closed loop at BENCH_CONCURRENCY (default 32) for BENCH_SECONDS (8), driven
// from this process over node:http2 (one connection, a pre-encoded request).
// overhead_p99: a paced run at BENCH_PACED_RPS (1000) for BENCH_PACED_SECONDS (10), once the
// gateway's log buffer has drained the closed loop's backlog; p99 of the gateway's latency minus
// p99 of direct onnxruntime latency. Then ServerLive (same direct path, no inference or logging)
// is paced the same way and its p50/p99 go to stderr: the transport floor. Paced runs are driven
// by ghz (scripts/stack/ghz.sh builds it on first use), a Go client: a Node.js load generator's
// own scavenges (4-7 ms on this 2-core machine, about two a second) counted as gateway latency.
// ghz runs with its own garbage collector off for the same reason (see ghz-run.ts), and the gaps
// between its call starts go to stderr: gaps far past the schedule mean a machine that stalled.
import { spawn } from 'node:child_process';
import { connect as connectHttp2 } from 'node:http2';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Metadata, type ServiceClientConstructor, type ServiceError, credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { Client as PgClient } from 'pg';
import { PROTO_LOADER_OPTIONS, Topic, inferenceV2, protoPath, registryV1 } from '@flywheel/contracts';
import { KafkaEventBus, silentLogger } from '@flywheel/kafka';
import { encodeLogisticRegressionOnnx } from '@flywheel/onnx';
import { freePorts, testStack, uniqueName, waitFor } from '@flywheel/testing';
import type { LogCounts } from '../src/inference/serving-metrics';
import { ghzBinary, ghzRun } from './ghz-run';
import { RawGrpcClient } from './raw-grpc-client';

const FEATURES = 20;
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const PACED_RPS = Number(process.env['BENCH_PACED_RPS'] ?? 1000);
const PACED_SECONDS = Number(process.env['BENCH_PACED_SECONDS'] ?? 10);
const log = (message: string) => process.stderr.write(`[serving-bench] ${message}\n`);

type Unary = (request: unknown, metadata: Metadata, callback: (error: ServiceError | null, response: unknown) => void) => void;

function grpcClient(file: string, path: string[], address: string): Client & Record<string, Unary> {
  const loaded = loadPackageDefinition(loadSync(protoPath(file), PROTO_LOADER_OPTIONS)) as Record<string, unknown>;
  const Service = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], loaded) as ServiceClientConstructor;
  return new Service(address, credentials.createInsecure()) as Client & Record<string, Unary>;
}

function call<T>(client: Record<string, Unary>, method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) => client[method]!(request, new Metadata(), (error, response) => (error ? reject(error) : resolve(response as T))));
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The gateway's inference log counts, from the admin port's Prometheus `/metrics` at `url`. */
async function logCounts(url: string): Promise<LogCounts> {
  const text = await (await fetch(url)).text();
  const value = (name: string): number => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    if (!match) throw new Error(`/metrics has no ${name}`);
    return Number(match[1]);
  };
  return {
    sent: value('flywheel_serving_log_sent_total'),
    dropped: value('flywheel_serving_log_dropped_total'),
    pending: value('flywheel_serving_log_pending'),
  };
}

async function main(): Promise<void> {
  const ghz = ghzBinary();
  const stack = testStack();
  const id = uniqueName('serving_bench');
  const dir = await mkdtemp(join(tmpdir(), 'serving-bench-'));
  const model = { featureNames: Array.from({ length: FEATURES }, (_, i) => `f${i}`), weights: Array.from({ length: FEATURES }, (_, i) => Math.sin(i) / 3), bias: 0.05 };
  const bytes = encodeLogisticRegressionOnnx(model);
  await mkdir(join(dir, 'artifacts', 'lr'), { recursive: true });
  await writeFile(join(dir, 'artifacts', 'lr', 'model.onnx'), bytes);

  const admin = new PgClient({ connectionString: stack.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${id}`);
  const databaseUrl = stack.databaseUrl.replace(/\/[^/]*$/, `/${id}`);
  const bus = new KafkaEventBus({ brokers: stack.kafkaBrokers, logger: silentLogger });
  const [logsTopic, deploymentTopic] = [uniqueName('bench_logs'), uniqueName('bench_deployments')];
  await bus.ensureTopics([logsTopic, deploymentTopic], 3);
  // The registry's outbox publishes to its fixed topic; without it, it retries all run long.
  await bus.ensureTopics([Topic.RegistryEvents], 1);

  const [adminPort, registryGrpc, registryHttp, servingGrpc, servingHttp, trackingGrpc, trackingHttp] = await freePorts(7);
  const metricsUrl = `http://127.0.0.1:${adminPort}/metrics`;
  // BENCH_CHILD_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the platform process.
  const childArgs = (process.env['BENCH_CHILD_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...childArgs, join(__dirname, '..', '..', 'flywheel', 'dist', 'main.js'), 'start', '--target=registry,serving-gateway'], {
    env: {
      ...process.env,
      FLYWHEEL_BIND_HOST: '127.0.0.1',
      FLYWHEEL_LOG_LEVEL: 'warn',
      FLYWHEEL_DATA_DIR: join(dir, 'data'),
      FLYWHEEL_DATABASE_URL: databaseUrl,
      FLYWHEEL_ARTIFACT_ROOT: `file://${join(dir, 'artifacts')}`,
      FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      FLYWHEEL_ADMIN_PORT: String(adminPort),
      FLYWHEEL_REGISTRY_GRPC_PORT: String(registryGrpc),
      FLYWHEEL_REGISTRY_HTTP_PORT: String(registryHttp),
      FLYWHEEL_TRACKING_GRPC_PORT: String(trackingGrpc),
      FLYWHEEL_TRACKING_HTTP_PORT: String(trackingHttp),
      FLYWHEEL_SERVING_GRPC_PORT: String(servingGrpc),
      FLYWHEEL_SERVING_HTTP_PORT: String(servingHttp),
      FLYWHEEL_SERVING_LOGS_TOPIC: logsTopic,
      FLYWHEEL_SERVING_DEPLOYMENT_TOPIC: deploymentTopic,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${adminPort}/readyz`).catch(() => undefined))?.ok === true, { timeoutMs: 120_000, intervalMs: 250, description: 'flywheel /readyz' });
    const registry = grpcClient(registryV1.protobufFileName, ['flywheel', 'registry', 'v1', 'RegistryService'], `127.0.0.1:${registryGrpc}`);
    await call(registry, 'createRegisteredModel', { name: 'bench_lr' });
    await call(registry, 'createModelVersion', { name: 'bench_lr', source: `file://${join(dir, 'artifacts', 'lr')}` });
    await call(registry, 'setRegisteredModelAlias', { name: 'bench_lr', alias: 'champion', version: 1 });
    registry.close();

    const row = Float32Array.from({ length: FEATURES }, (_, i) => Math.cos(i));
    const request = {
      modelName: 'bench_lr',
      inputs: [{ name: 'features', datatype: 'FP32', shape: [1, FEATURES] }],
      rawInputContents: [Buffer.from(row.buffer)],
    };
    // The request is encoded once and answers are not decoded, so the load generator's own
    // protobuf work (same cores) does not eat into the gateway's share of the machine. For the
    // same reason it speaks gRPC over node:http2 itself (as h2load or ghz would): grpc-js's client
    // cost about as much CPU per call as the gateway, and the gateway sat 40% idle.
    const encoded = Buffer.from(inferenceV2.ModelInferRequest.encode(inferenceV2.ModelInferRequest.fromPartial(request)).finish());
    const gateway = new RawGrpcClient(connectHttp2(`http://127.0.0.1:${servingGrpc}`), '/inference.GRPCInferenceService/ModelInfer', encoded);
    const first = inferenceV2.ModelInferResponse.decode(await gateway.call());
    if (first.modelName !== 'bench_lr' || first.outputs[0]?.name !== 'probability') throw new Error(`unexpected answer ${JSON.stringify(first)}`);
    const infer = async (): Promise<number> => {
      const started = performance.now();
      await gateway.call();
      return performance.now() - started;
    };
    log('warming up');
    for (let i = 0; i < 2_000; i++) await infer();

    log(`closed loop: concurrency ${CONCURRENCY} for ${SECONDS}s`);
    const latencies: number[] = [];
    const end = performance.now() + SECONDS * 1000;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end) latencies.push(await infer());
      }),
    );
    const rps = latencies.length / ((performance.now() - startedAt) / 1000);
    latencies.sort((a, b) => a - b);
    const afterLoop = await logCounts(metricsUrl);
    log(`closed loop: ${latencies.length} calls; inference logs sent ${afterLoop.sent}, dropped ${afterLoop.dropped}, pending ${afterLoop.pending}`);
    // The paced phase measures a steady 1,000/s, not the drain of the closed loop's log backlog.
    await waitFor(async () => (await logCounts(metricsUrl)).pending === 0, {
      timeoutMs: 60_000,
      intervalMs: 100,
      description: 'the log buffer to drain',
    });
    log('log buffer drained');

    log(`paced: ${PACED_RPS} req/s for ${PACED_SECONDS}s (ghz)`);
    const pacedJob = { ghz, target: `127.0.0.1:${servingGrpc}`, protoFile: inferenceV2.protobufFileName, rps: PACED_RPS, seconds: PACED_SECONDS };
    const beforePaced = await logCounts(metricsUrl);
    const { latencies: paced, sendGaps } = await ghzRun({ ...pacedJob, call: 'inference.GRPCInferenceService.ModelInfer', message: encoded });
    const afterPaced = await logCounts(metricsUrl);
    log(`paced: inference logs sent ${afterPaced.sent - beforePaced.sent}, dropped ${afterPaced.dropped - beforePaced.dropped}`);
    log(
      `paced: ghz's gaps between call starts (${round(1000 / PACED_RPS)} ms on schedule) p50=${round(percentile(sendGaps, 50))} p99=${round(percentile(sendGaps, 99))} max=${round(percentile(sendGaps, 100))} ms (a gap far past the schedule: the load generator was not running)`,
    );
    const { latencies: live } = await ghzRun({ ...pacedJob, call: 'inference.GRPCInferenceService.ServerLive', message: new Uint8Array(0) });
    log(`paced ServerLive (transport floor) p50=${round(percentile(live, 50))} p99=${round(percentile(live, 99))} ms`);
    gateway.close();

    log('direct onnxruntime-node in-process');
    const session = await InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
    const direct: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const started = performance.now();
      await session.run({ features: new Tensor('float32', row, [1, FEATURES]) });
      direct.push(performance.now() - started);
    }
    direct.sort((a, b) => a - b);
    await session.release();
    log(`paced gateway p50=${round(percentile(paced, 50))} p99=${round(percentile(paced, 99))} ms; direct p99=${round(percentile(direct, 99))} ms`);
    process.stdout.write(
      `gateway_rps=${Math.round(rps)} p50_ms=${round(percentile(latencies, 50))} p99_ms=${round(percentile(latencies, 99))} direct_p50_ms=${round(percentile(direct, 50))} overhead_p99_ms=${round(percentile(paced, 99) - percentile(direct, 99))}\n`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await bus.close();
    await admin.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[serving-bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
