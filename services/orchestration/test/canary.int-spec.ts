import { randomUUID } from 'node:crypto';
import {
  type DeploymentEvent,
  DeploymentEventKind,
  type OrchestrationCommand,
  type RegistryEvent,
  TOPIC_CODECS,
  Topic,
  orchestrationV1,
} from '@flywheel/contracts';
import { type EventBus, KafkaEventBus, type EventConsumer, defineTopic, silentLogger } from '@flywheel/kafka';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
// The canary controller is tested against the real registry service: its own test harness starts one.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type RegistryHarness, startRegistry } from '../../registry/test/registry-harness';
import {
  type Orchestrator,
  type OrchestrationWorld,
  createWorld,
  startOrchestrator,
} from './orchestration-harness';

jest.setTimeout(90_000);

const commandsTopic = uniqueName('orchestration_commands');
const deploymentsTopic = uniqueName('deployment_events');
const registryEventsTopic = uniqueName('registry_events_in');

const canaryPipeline = (
  name: string,
  model: string,
  version: number,
  interval: string,
  steps: string,
): string => `
apiVersion: flywheel/v1
kind: Pipeline
name: ${name}
steps:
  - name: deploy-canary
    uses: deploy-canary
    timeout: 5m
    with: { model_name: ${model}, version: ${version}, traffic_steps: ${steps}, step_interval: ${interval} }
  - name: promote
    uses: promote
    depends_on: deploy-canary
    when: steps.deploy-canary.outputs.healthy == true
    with: { model_name: ${model}, version: ${version} }
`;

describe('the canary controller on Kafka and the registry', () => {
  let registry: RegistryHarness;
  let world: OrchestrationWorld;
  let orchestrator: Orchestrator;
  let bus: EventBus;
  let consumer: EventConsumer;
  const deployments: DeploymentEvent[] = [];
  const commands = defineTopic(
    commandsTopic,
    TOPIC_CODECS[Topic.OrchestrationCommands],
    (c: OrchestrationCommand) => c.modelName,
  );

  /** A model with versions 1 (champion) and 2, in the registry. */
  async function modelWithChampion(): Promise<string> {
    const name = uniqueName('churn').replaceAll('_', '-');
    await registry.grpc.call('createRegisteredModel', { name });
    for (const _ of [1, 2])
      await registry.grpc.call('createModelVersion', {
        name,
        source: `file://${registry.artifactDir}/${name}`,
      });
    await registry.grpc.call('setRegisteredModelAlias', { name, alias: 'champion', version: 1 });
    return name;
  }

  const championOf = async (name: string): Promise<number> =>
    (await registry.grpc.call('getModelVersionByAlias', { name, alias: 'champion' })).modelVersion!.version;

  const eventsOf = (model: string): DeploymentEvent[] =>
    deployments.filter((event) => event.modelName === model);

  async function run(name: string): Promise<string> {
    return (await orchestrator.grpc.call('triggerPipeline', { name }, world.tokens.scientist)).runId;
  }

  beforeAll(async () => {
    registry = await startRegistry();
    bus = new KafkaEventBus({ brokers: testStack().kafkaBrokers, logger: silentLogger });
    await bus.ensureTopics([commandsTopic, deploymentsTopic, registryEventsTopic], 1);
    consumer = bus.createConsumer({ groupId: uniqueName('deployments_test') });
    consumer.subscribe(defineTopic(deploymentsTopic, TOPIC_CODECS[Topic.DeploymentEvents]), (batch) => {
      deployments.push(...batch.messages.map((message) => message.value));
      return Promise.resolve();
    });
    await consumer.start();
    world = await createWorld({
      registry: { address: registry.grpcAddress },
      events: {
        commandsTopic,
        deploymentsTopic,
        registryEventsTopic,
        consumerGroup: uniqueName('orchestration'),
      },
    });
    orchestrator = await startOrchestrator(world);
  });

  afterAll(async () => {
    await orchestrator?.stop();
    await consumer?.close();
    await bus?.close();
    await world?.close();
    await registry?.close();
  });

  it('rolls a bad canary back on rollback.requested within 10 s: weight 0, champion alias unchanged, once per command id', async () => {
    const model = await modelWithChampion();
    await orchestrator.grpc.call(
      'registerPipeline',
      { yaml: canaryPipeline('bad-canary', model, 2, '10m', '[5, 25, 50]') },
      world.tokens.admin,
    );
    const runId = await run('bad-canary');
    await waitFor(() => eventsOf(model).find((event) => event.kind === DeploymentEventKind.ROLLOUT_STARTED), {
      timeoutMs: 20_000,
    });
    expect(eventsOf(model)[0]!.policy).toMatchObject({
      championVersion: 1,
      canaryVersion: 2,
      canaryWeightPercent: 5,
    });

    const command: OrchestrationCommand = {
      commandId: randomUUID(),
      modelName: model,
      issuedAtMs: Date.now(),
      issuedBy: 'monitoring',
      rollbackRequested: { canaryVersion: 2, reason: 'canary error rate 4.1% > 1%', evidence: undefined },
    };
    const producer = bus.createProducer();
    const sentAt = Date.now();
    await producer.send(commands, command);
    const rolledBack = await waitFor(
      () => eventsOf(model).find((event) => event.kind === DeploymentEventKind.ROLLED_BACK),
      { timeoutMs: 10_000 },
    );
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    expect(rolledBack.policy).toMatchObject({ championVersion: 1, canaryVersion: 0, canaryWeightPercent: 0 });
    expect(await championOf(model)).toBe(1);

    const finished = await waitFor(async () => {
      const { run: current } = await orchestrator.grpc.call('getRun', { runId }, world.tokens.viewer);
      return current!.status !== orchestrationV1.RunStatus.RUNNING && current!;
    });
    expect(finished.steps.map((step) => [step.name, step.status])).toEqual([
      ['deploy-canary', 'succeeded'],
      ['promote', 'skipped'],
    ]);

    // The same command again changes nothing: one processed record, one rollback event.
    await producer.send(commands, command);
    const { rows } = await world.pool.query<{ outcome: string }>(
      `SELECT outcome FROM "${world.options.schema}".processed_triggers WHERE key = $1`,
      [`command:${command.commandId}`],
    );
    expect(rows).toEqual([{ outcome: expect.stringMatching(/^rolled back rollout /) }]);
    const { rows: audit } = await world.pool.query<{ action: string }>(
      `SELECT action FROM "${world.identitySchema}".audit_log WHERE target_type = 'rollout' ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toContain('rollbacks.request');
    expect(eventsOf(model).filter((event) => event.kind === DeploymentEventKind.ROLLED_BACK)).toHaveLength(1);
  });

  it('promotes a healthy canary through every step to champion', async () => {
    const model = await modelWithChampion();
    await orchestrator.grpc.call(
      'registerPipeline',
      { yaml: canaryPipeline('good-canary', model, 2, '300ms', '[5, 25, 50]') },
      world.tokens.admin,
    );
    const runId = await run('good-canary');
    const finished = await waitFor(
      async () => {
        const { run: current } = await orchestrator.grpc.call('getRun', { runId }, world.tokens.viewer);
        return current!.status !== orchestrationV1.RunStatus.RUNNING && current!;
      },
      { timeoutMs: 30_000 },
    );
    expect(finished.steps.map((step) => [step.name, step.status])).toEqual([
      ['deploy-canary', 'succeeded'],
      ['promote', 'succeeded'],
    ]);
    await waitFor(() => eventsOf(model).some((event) => event.kind === DeploymentEventKind.PROMOTED));
    expect(eventsOf(model).map((event) => [event.kind, event.policy!.canaryWeightPercent])).toEqual([
      [DeploymentEventKind.ROLLOUT_STARTED, 5],
      [DeploymentEventKind.STEP_ADVANCED, 25],
      [DeploymentEventKind.STEP_ADVANCED, 50],
      [DeploymentEventKind.PROMOTED, 0],
    ]);
    expect(eventsOf(model).at(-1)!.policy!.championVersion).toBe(2);
    expect(await championOf(model)).toBe(2);
  });

  it('starts the retrain pipeline once per retrain.requested command id', async () => {
    const model = uniqueName('fraud').replaceAll('_', '-');
    const yaml = `
apiVersion: flywheel/v1
kind: Pipeline
name: retrain-on-request
params: { model_name: none }
triggers:
  - event: retrain.requested
    filter: { model_name: ${model} }
steps:
  - name: work
    process: { command: ${JSON.stringify(process.execPath)}, args: ['-e', '0'] }
`;
    await orchestrator.grpc.call('registerPipeline', { yaml }, world.tokens.admin);
    const command: OrchestrationCommand = {
      commandId: randomUUID(),
      modelName: model,
      issuedAtMs: Date.now(),
      issuedBy: 'monitoring',
      retrainRequested: { reason: 'drift', evidence: undefined },
    };
    const producer = bus.createProducer();
    await producer.send(commands, command);
    await producer.send(commands, command);
    // One partition, handled in order: once this later command is recorded, so is the copy.
    const later = { ...command, commandId: randomUUID(), retrainRequested: undefined };
    await producer.send(commands, later);
    const runs = `SELECT id, state->'params'->>'model_name' AS model FROM "${world.options.schema}".runs WHERE pipeline_name = 'retrain-on-request'`;
    await waitFor(async () => (await world.pool.query(runs)).rows.length > 0);
    await waitFor(
      async () =>
        (
          await world.pool.query(
            `SELECT 1 FROM "${world.options.schema}".processed_triggers WHERE key = $1`,
            [`command:${later.commandId}`],
          )
        ).rows.length > 0,
    );
    const { rows } = await world.pool.query<{ model: string }>(runs);
    expect(rows).toEqual([expect.objectContaining({ model })]);
  });

  it('starts the pipelines a new registry version triggers, once per registry event', async () => {
    const model = uniqueName('ranker').replaceAll('_', '-');
    const yaml = `
apiVersion: flywheel/v1
kind: Pipeline
name: on-new-version
params: { model_name: none, version: none }
triggers:
  - event: model-version.created
    filter: { model_name: ${model} }
steps:
  - name: work
    process: { command: ${JSON.stringify(process.execPath)}, args: ['-e', '0'] }
`;
    await orchestrator.grpc.call('registerPipeline', { yaml }, world.tokens.admin);
    const event: RegistryEvent = {
      eventId: randomUUID(),
      modelName: model,
      occurredAtMs: Date.now(),
      actor: 'ci',
      versionCreated: { version: 4, sourceUri: 's3://models/ranker/4', runId: 'r4', status: 0 },
    };
    const producer = bus.createProducer();
    const topic = defineTopic(
      registryEventsTopic,
      TOPIC_CODECS[Topic.RegistryEvents],
      (e: RegistryEvent) => e.modelName,
    );
    await producer.send(topic, event);
    await producer.send(topic, event);
    // One partition, handled in order: once this later event (of no pipeline) is recorded, so is the copy.
    const later = { ...event, eventId: randomUUID(), modelName: uniqueName('nobody').replaceAll('_', '-') };
    await producer.send(topic, later);
    const runs = `SELECT state->'params' AS params FROM "${world.options.schema}".runs WHERE pipeline_name = 'on-new-version'`;
    await waitFor(async () => (await world.pool.query(runs)).rows.length > 0);
    await waitFor(
      async () =>
        (
          await world.pool.query(
            `SELECT 1 FROM "${world.options.schema}".processed_triggers WHERE key = $1`,
            [`registry:${later.eventId}`],
          )
        ).rows.length > 0,
    );
    const { rows } = await world.pool.query<{ params: Record<string, string> }>(runs);
    expect(rows).toEqual([{ params: { model_name: model, version: '4' } }]);
  });
});
