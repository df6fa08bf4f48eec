import {
  DeploymentEventKind,
  type DeploymentEvent,
  inferenceV2,
  orchestrationV1,
  registryV1,
} from '@flywheel/contracts';
import { KafkaEventBus, silentLogger } from '@flywheel/kafka';
import { encodeLogisticRegressionOnnx } from '@flywheel/onnx';
import { type ArtifactStore, createArtifactStore } from '@flywheel/storage';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { CHURN_FEATURES, TRUE_CHURN_MODEL, churnReferenceProfile } from './support/churn-data';
import { ChurnTraffic } from './support/churn-traffic';
import { type GrpcClient, grpcClient } from './support/grpc-client';
import { LoopEvents, type Received } from './support/loop-events';
import { type LoopPlatform, startLoopPlatform } from './support/loop-platform';
import { ensureFlywheelTopics } from './support/stack-resources';
import { canaryPipelineYaml, retrainPipelineYaml } from './support/retrain-pipeline';

// Issue 10: the whole loop through separate processes on the real Kafka, PostgreSQL and MinIO.
// Served traffic drifts → monitoring asks for a retrain → orchestration trains, gates, canaries
// and promotes v2; a degraded v3 canary is rolled back on monitoring's verdict.

const WINDOW_SECONDS = 2;
const K = 2;
const LATENESS_SECONDS = 2;
/** Shift → retrain.requested: K shifted windows, the lateness, a tick, plus room for a loaded machine. */
const RETRAIN_BOUND_MS = (K + 1) * WINDOW_SECONDS * 1_000 + LATENESS_SECONDS * 1_000 + 8_000;
/** Bad canary → ROLLED_BACK: its first full window, the lateness, a tick, plus the same room. */
const ROLLBACK_BOUND_MS = 2 * WINDOW_SECONDS * 1_000 + LATENESS_SECONDS * 1_000 + 8_000;
const SHIFTED = ['tenure', 'monthly_charges'];
/** v3 answers "everyone churns": the prediction distribution monitoring compares with the champion's. */
const DEGRADED_MODEL = { featureNames: [...CHURN_FEATURES], weights: [0.1, 0.1, 0.1], bias: 6 };

describe('the whole loop: serve → drift → retrain → canary → promote, and a bad canary rolled back', () => {
  const model = uniqueName('churn').replaceAll('_', '-');
  const bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
  const producer = bus.createProducer();
  const events = new LoopEvents(bus, model);
  let platform: LoopPlatform;
  let artifacts: ArtifactStore;
  let registry: GrpcClient;
  let orchestration: GrpcClient;
  let gateway: GrpcClient;
  let traffic: ChurnTraffic;

  beforeAll(async () => {
    // The recorder subscribes to the platform's topics before any service starts: on a fresh
    // broker they must exist first (deployment creates them; producers never do).
    await ensureFlywheelTopics(testStack().kafkaBrokers);
    await events.start();
    platform = await startLoopPlatform({
      FLYWHEEL_MONITORING_WINDOW_SECONDS: String(WINDOW_SECONDS),
      FLYWHEEL_MONITORING_LATENESS_SECONDS: String(LATENESS_SECONDS),
      FLYWHEEL_MONITORING_TICK_SECONDS: '1',
      FLYWHEEL_MONITORING_RETRAIN_AFTER_WINDOWS: String(K),
      // One retrain per run: v2's own first windows must not ask for another.
      FLYWHEEL_MONITORING_COOLDOWN_WINDOWS: '10000',
      FLYWHEEL_MONITORING_MODELS: JSON.stringify({
        [model]: { guardrails: { predictionDistanceLimit: 0.6 } },
      }),
      FLYWHEEL_INGESTION_FLUSH_MS: '100',
      FLYWHEEL_ORCHESTRATION_POLL_MS: '200',
    });
    const { s3 } = testStack();
    artifacts = createArtifactStore(platform.artifactRoot, {
      endpoint: s3.endpoint,
      region: s3.region,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    registry = grpcClient(
      registryV1.protobufFileName,
      ['flywheel', 'registry', 'v1', 'RegistryService'],
      platform.registryAddress,
    );
    orchestration = grpcClient(
      orchestrationV1.protobufFileName,
      ['flywheel', 'orchestration', 'v1', 'OrchestrationService'],
      platform.orchestrationAddress,
    );
    gateway = grpcClient(
      inferenceV2.protobufFileName,
      ['inference', 'GRPCInferenceService'],
      platform.servingGrpcAddress,
    );
    traffic = new ChurnTraffic({
      model,
      gateway,
      producer,
      feedbackTopic: platform.feedbackTopic,
      rowsPerRequest: 40,
      senders: 2,
      pauseMs: 20,
    });
  }, 180_000);

  afterAll(async () => {
    await traffic?.stop();
    for (const client of [registry, orchestration, gateway]) client?.close();
    await artifacts?.close();
    await events.close();
    await producer.close();
    await bus.close();
    await platform?.dispose();
  });

  /** Uploads the model's ONNX file through the artifact store and registers it as a new version. */
  async function registerVersion(
    onnx: Uint8Array,
    name: string,
    referenceProfile?: registryV1.ReferenceProfile,
  ): Promise<number> {
    const folder = `models/${model}/${name}`;
    await artifacts.put(`${folder}/model.onnx`, Buffer.from(onnx));
    const { modelVersion } = await registry.call<registryV1.CreateModelVersionResponse>(
      'createModelVersion',
      {
        name: model,
        source: artifacts.uri(folder),
        ...(referenceProfile && { referenceProfile }),
      },
    );
    return modelVersion!.version;
  }

  const champion = async (): Promise<registryV1.ModelVersion> =>
    (
      await registry.call<registryV1.GetModelVersionByAliasResponse>('getModelVersionByAlias', {
        name: model,
        alias: 'champion',
      })
    ).modelVersion!;

  /** The first recorded deployment event matching `test`, with the runs so far when none comes. */
  async function deployment(
    description: string,
    test: (event: DeploymentEvent) => boolean,
    timeoutMs = 60_000,
  ): Promise<Received<DeploymentEvent>> {
    try {
      return await waitFor(() => events.deployments.find((received) => test(received.value)), {
        timeoutMs,
        description,
      });
    } catch (error) {
      const { runs } = await orchestration.call<orchestrationV1.ListRunsResponse>('listRuns', {
        pipelineName: '',
        limit: 10,
      });
      const steps = runs.map(
        (run) =>
          `${run.pipelineName}: ${run.steps.map((s) => `${s.name}=${s.status} ${s.message}`).join('; ')}`,
      );
      throw new Error(
        `${(error as Error).message}\nruns:\n${steps.join('\n')}\nevents:\n${events.describe()}`,
      );
    }
  }

  it('retrains on drift, promotes the retrained v2 through a canary, and rolls a degraded v3 back, within the bounds', async () => {
    // v1: the churn model as trained, with the profile of its training data; champion.
    await registry.call('createRegisteredModel', { name: model });
    const v1 = await registerVersion(
      encodeLogisticRegressionOnnx(TRUE_CHURN_MODEL),
      'v1',
      churnReferenceProfile(),
    );
    await registry.call('setRegisteredModelAlias', { name: model, alias: 'champion', version: v1 });
    await orchestration.call('registerPipeline', {
      yaml: retrainPipelineYaml({
        model,
        features: CHURN_FEATURES,
        minRows: 500,
        trafficSteps: [50],
        stepInterval: '6s',
      }),
    });

    // Served traffic (with feedback) until monitoring has judged two undrifted windows of it.
    traffic.start();
    await waitFor(() => events.driftReports.filter((r) => !r.value.datasetDrift).length >= 2, {
      timeoutMs: 60_000,
      description: `two undrifted windows of ${model} (served ${JSON.stringify(traffic.tally)})`,
    });
    expect(traffic.tally).toMatchObject({
      served: { [String(v1)]: expect.any(Number) as unknown },
      failures: 0,
    });

    // The customer base changes in two of three features.
    const shiftedAt = Date.now();
    traffic.shift(SHIFTED, 1.5);
    const retrain = await waitFor(() => events.commands.find((c) => c.value.retrainRequested), {
      timeoutMs: 60_000,
      description: 'retrain.requested',
    });
    const shiftToRetrainMs = retrain.receivedAtMs - shiftedAt;
    expect(retrain.value.issuedBy).toBe('monitoring');
    // Judged on shifted traffic: the evidence window is the one the shift began in or a later one.
    const shiftWindowStartMs = Math.floor(shiftedAt / (WINDOW_SECONDS * 1_000)) * WINDOW_SECONDS * 1_000;
    expect(retrain.value.retrainRequested?.evidence?.windowStartMs).toBeGreaterThanOrEqual(
      shiftWindowStartMs,
    );
    expect(retrain.value.retrainRequested?.evidence?.driftedFeatures).toEqual(
      expect.arrayContaining(SHIFTED),
    );
    expect(retrain.value.retrainRequested?.evidence?.driftedFeatures).not.toContain('support_calls');

    // The registered retrain pipeline trains v2, gates it, rolls it out as a 50 % canary, promotes it.
    const v2Started = await deployment(
      'v2 canary started',
      (e) => e.kind === DeploymentEventKind.ROLLOUT_STARTED && e.policy?.canaryWeightPercent === 50,
      90_000,
    );
    const v2 = v2Started.value.policy!.canaryVersion;
    expect(v2).toBe(v1 + 1);
    expect(v2Started.value.policy).toMatchObject({ championVersion: v1 });
    await deployment(
      'v2 promoted',
      (e) => e.kind === DeploymentEventKind.PROMOTED && e.policy?.championVersion === v2,
    );
    // The controller publishes the promoted policy, then moves the alias.
    const promoted = await waitFor(
      async () => {
        const current = await champion();
        return current.version === v2 && current;
      },
      { timeoutMs: 10_000, description: `champion alias on v${v2}` },
    );
    expect(promoted.tags['flywheel.gate.passed']).toBe('true');
    expect(events.commands.filter((c) => c.value.rollbackRequested)).toHaveLength(0);
    traffic.resetTally();
    await waitFor(() => (traffic.tally.served[String(v2)] ?? 0) >= 20, {
      timeoutMs: 30_000,
      description: 'v2 serving',
    });
    expect(traffic.tally.failures).toBe(0);

    // v3 predicts churn for everyone; rolled out as canary it must come back without a hand on it.
    const v3 = await registerVersion(encodeLogisticRegressionOnnx(DEGRADED_MODEL), 'v3');
    await orchestration.call('registerPipeline', {
      yaml: canaryPipelineYaml(`${model}-canary`, model, v3, '60s'),
    });
    await orchestration.call('triggerPipeline', { name: `${model}-canary` });
    const badCanary = await deployment(
      'v3 canary started',
      (e) => e.kind === DeploymentEventKind.ROLLOUT_STARTED && e.policy?.canaryVersion === v3,
    );
    const rolledBack = await deployment(
      'v3 rolled back',
      (e) => e.kind === DeploymentEventKind.ROLLED_BACK,
      60_000,
    );
    const badCanaryToRollbackMs = rolledBack.receivedAtMs - badCanary.receivedAtMs;
    const rollbackCommand = await waitFor(() => events.commands.find((c) => c.value.rollbackRequested), {
      timeoutMs: 10_000,
      description: 'rollback.requested',
    });
    expect(rollbackCommand.value).toMatchObject({
      issuedBy: 'monitoring',
      rollbackRequested: { canaryVersion: v3 },
    });
    expect(rolledBack.value.policy).toMatchObject({
      championVersion: v2,
      canaryVersion: 0,
      canaryWeightPercent: 0,
    });
    expect((await champion()).version).toBe(v2);
    // Counted once the gateway serves the champion alone again (it applies events as they come).
    await waitFor(
      async () =>
        (
          await gateway.call<inferenceV2.ModelMetadataResponse>('modelMetadata', { name: model })
        ).versions.join() === String(v2),
      { timeoutMs: 10_000, description: 'gateway back on the champion alone' },
    );
    traffic.resetTally();
    await waitFor(() => (traffic.tally.served[String(v2)] ?? 0) >= 20, {
      timeoutMs: 30_000,
      description: 'v2 serving again',
    });
    expect(traffic.tally.served[String(v3)] ?? 0).toBe(0);
    expect(traffic.tally.failures).toBe(0);
    expect(events.commands.filter((c) => c.value.retrainRequested)).toHaveLength(1);

    process.stdout.write(
      `whole loop ${model}: shift → retrain.requested ${shiftToRetrainMs} ms (bound ${RETRAIN_BOUND_MS}), ` +
        `bad canary → rolled back ${badCanaryToRollbackMs} ms (bound ${ROLLBACK_BOUND_MS})\n`,
    );
    expect(shiftToRetrainMs).toBeLessThan(RETRAIN_BOUND_MS);
    expect(badCanaryToRollbackMs).toBeLessThan(ROLLBACK_BOUND_MS);
  });
});
