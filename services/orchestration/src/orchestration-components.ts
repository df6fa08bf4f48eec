import { TOPIC_CODECS, Topic } from '@flywheel/contracts';
import {
  type EventBus,
  type EventConsumer,
  InProcessEventBus,
  defineTopic,
  forEachMessage,
  withDeadLetterTopics,
} from '@flywheel/kafka';
import type { ClickHouseClient } from '@flywheel/clickhouse';
import type { ArtifactStore } from '@flywheel/storage';
import { createLogger } from '@flywheel/telemetry';
import { enrollMonitoringStep, validateDataStep } from './builtins/data-steps';
import { evaluateStep } from './builtins/evaluate-step';
import { trainStep } from './builtins/train-step';
import { TrackingClient } from './clients/tracking-client';
import { WindowReader } from './data/window-reader';
import type { AuditTrail } from './audit-trail';
import type { BuiltinStepHandlers } from './builtins/builtin-step-handler';
import { BuiltinStepExecutor } from './builtins/builtin-step-executor';
import { deployCanaryStep, promoteStep } from './builtins/canary-steps';
import { registerStep } from './builtins/register-step';
import { CanaryController } from './canary/canary-controller';
import { RolloutsRepository } from './canary/rollouts.repository';
import { DeploymentPublisher, deploymentEventsTopic } from './clients/deployment-publisher';
import { RegistryClient } from './clients/registry-client';
import type { OrchestrationDatabase } from './db/orchestration-database';
import { DefinitionsRepository } from './definitions/definitions.repository';
import { DefinitionsService } from './definitions/definitions.service';
import { KubernetesStepExecutor } from './executor/kubernetes/kubernetes-step-executor';
import { ProcessStepExecutor } from './executor/process-step-executor';
import { StepDispatcher } from './executor/step-dispatcher';
import type { OrchestrationOptions } from './orchestration-options';
import { RunEngine } from './runs/run-engine';
import { RunsRepository } from './runs/runs.repository';
import { RunsService } from './runs/runs.service';
import { CommandHandler } from './triggers/command-handler';
import { ProcessedTriggersRepository } from './triggers/processed-triggers.repository';
import { RegistryEventHandler } from './triggers/registry-event-handler';
import { ScheduleTriggerLoop } from './triggers/schedule-trigger-loop';

/**
 * The service's objects, wired once: repositories, executors, the run engine, the canary
 * controller, triggers and the use cases. Without `options.events` (or a bus) nothing is
 * consumed and no canary can roll out; without `options.registry` the registry steps are not
 * configured.
 */
export class OrchestrationComponents {
  readonly definitions: DefinitionsService;
  readonly runs: RunsService;
  readonly engine: RunEngine;
  readonly canary: CanaryController | undefined;
  readonly schedules: ScheduleTriggerLoop;
  readonly commands: CommandHandler | undefined;
  private readonly registryEvents: RegistryEventHandler;
  private consumer: EventConsumer | undefined;
  private readonly bus: EventBus | undefined;
  private readonly registry: RegistryClient | undefined;

  constructor(
    database: OrchestrationDatabase,
    audit: AuditTrail,
    private readonly options: OrchestrationOptions,
    clients: {
      bus?: EventBus | undefined;
      clickhouse?: ClickHouseClient | undefined;
      store?: ArtifactStore | undefined;
    } = {},
  ) {
    this.bus = clients.bus;
    const bus = clients.bus;
    const log = createLogger('orchestration');
    const logError = { error: (message: string, error: unknown) => log.error({ err: error }, message) };
    const definitions = new DefinitionsRepository(database);
    const runs = new RunsRepository(database);
    const processed = new ProcessedTriggersRepository(database);
    this.registry = options.registry && new RegistryClient(options.registry.address, options.registry.token);
    this.canary =
      this.registry && options.events && bus
        ? new CanaryController(
            database,
            new RolloutsRepository(database),
            this.registry,
            new DeploymentPublisher(
              bus.createProducer(),
              deploymentEventsTopic(options.events.deploymentsTopic),
            ),
            audit,
            options,
            logError,
          )
        : undefined;
    const tracking = options.ml && new TrackingClient(options.ml.trackingUrl, options.ml.trackingToken);
    const reader =
      options.ml && clients.clickhouse && new WindowReader(clients.clickhouse, options.ml.clickhouseDatabase);
    const store = clients.store;
    const builtins: BuiltinStepHandlers = {
      ...(this.registry && {
        register: registerStep(this.registry, clients.store),
        promote: promoteStep(this.registry),
        'enroll-monitoring': enrollMonitoringStep(this.registry),
      }),
      ...(reader && { 'validate-data': validateDataStep(reader, options.runsDir) }),
      ...(reader && tracking && store && { train: trainStep(reader, tracking, store) }),
      ...(this.registry && tracking && store && { evaluate: evaluateStep(this.registry, tracking, store) }),
      ...(this.canary && { 'deploy-canary': deployCanaryStep(this.canary, options.pollIntervalMs) }),
    };
    const executor = new StepDispatcher({
      process: new ProcessStepExecutor(options.runsDir, options.executor),
      builtin: new BuiltinStepExecutor(builtins),
      kubernetes: new KubernetesStepExecutor(options.kubernetes, options.executor.serviceEnv),
    });
    this.engine = new RunEngine(database, runs, executor, options, logError);
    this.definitions = new DefinitionsService(database, definitions, audit);
    this.runs = new RunsService(database, definitions, runs, this.engine, audit, options.leaseMs);
    this.schedules = new ScheduleTriggerLoop(database, definitions, processed, this.runs, options, logError);
    this.commands =
      options.events &&
      bus &&
      new CommandHandler(database, processed, this.runs, this.canary, {
        warn: (message) => log.warn(message),
      });
    this.registryEvents = new RegistryEventHandler(database, processed, this.runs);
  }

  /** Starts the loops and the trigger consumers. */
  async start(): Promise<void> {
    this.engine.start();
    this.schedules.start();
    this.canary?.start();
    const events = this.options.events;
    if (!events || !this.bus || !this.commands) return;
    const commands = this.commands;
    // Standalone (in-process bus): nothing else creates topics. On Kafka, deployment config does.
    if (this.bus instanceof InProcessEventBus)
      await this.bus.ensureTopics(
        withDeadLetterTopics([events.commandsTopic, events.registryEventsTopic, events.deploymentsTopic]),
        1,
      );
    this.consumer = this.bus.createConsumer({ groupId: events.consumerGroup });
    this.consumer.subscribe(
      defineTopic(
        events.commandsTopic,
        TOPIC_CODECS[Topic.OrchestrationCommands],
        (command) => command.modelName,
      ),
      forEachMessage((message) => commands.handle(message.value)),
    );
    this.consumer.subscribe(
      defineTopic(events.registryEventsTopic, TOPIC_CODECS[Topic.RegistryEvents], (event) => event.modelName),
      forEachMessage((message) => this.registryEvents.handle(message.value)),
    );
    await this.consumer.start();
  }

  /** Stops consuming, then the loops; the engine hands its runs over. */
  async stop(): Promise<void> {
    await this.consumer?.close();
    await this.schedules.stop();
    await this.canary?.stop();
    await this.engine.stop();
    this.registry?.close();
  }
}
