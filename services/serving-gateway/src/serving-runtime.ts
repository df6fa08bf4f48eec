import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { ChannelCredentials, Metadata } from '@grpc/grpc-js';
import type { EventBus, EventProducer } from '@flywheel/kafka';
import type { ArtifactStore } from '@flywheel/storage';
import { createLogger } from '@flywheel/telemetry';
import { InferenceService } from './inference/inference.service';
import { ModelStatusService } from './inference/model-status.service';
import { ServingMetrics } from './inference/serving-metrics';
import type { InferenceRecord } from './logging/inference-log-entry';
import { inferenceLogsTopic, kafkaLogSender } from './logging/kafka-log-sink';
import { LogBuffer } from './logging/log-buffer';
import { RegistryModelSource } from './runtime/model-source';
import { ModelStore } from './runtime/model-store';
import type { ServingOptions } from './serving-options';
import { DeploymentEventsListener, deploymentEventsTopic } from './traffic/deployment-events';
import { TrafficTable } from './traffic/traffic-table';

/** How the gateway reaches the registry: channel credentials and the service's own call metadata. */
export interface RegistryAccess {
  credentials: ChannelCredentials;
  metadata: () => Metadata;
}

/** Every long-lived part of the gateway, created together and closed in reverse order. */
export class ServingRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  readonly inference: InferenceService;
  readonly status: ModelStatusService;
  readonly logBuffer: LogBuffer<InferenceRecord>;
  private readonly source: RegistryModelSource;
  private readonly models: ModelStore;
  private readonly listener: DeploymentEventsListener;
  private readonly metrics: ServingMetrics;
  private readonly producer: EventProducer | undefined;

  constructor(
    private readonly options: ServingOptions,
    private readonly bus: EventBus,
    artifacts: ArtifactStore,
    registry: RegistryAccess,
    private readonly inProcessBus = false,
  ) {
    const logger = createLogger('serving-gateway');
    this.source = new RegistryModelSource(options.registryAddress, registry.credentials, registry.metadata);
    this.models = new ModelStore(this.source, artifacts, options.modelCacheSize, {
      maxBatchRows: options.maxBatchRows,
    });
    const table = new TrafficTable(options.aliasTtlMs);
    this.producer = options.logging ? bus.createProducer() : undefined;
    const send = this.producer
      ? kafkaLogSender(this.producer, inferenceLogsTopic(options.logsTopic))
      : () => Promise.resolve();
    this.logBuffer = new LogBuffer(send, options.logBuffer);
    this.metrics = new ServingMetrics(this.logBuffer, () => this.models.runCounts());
    this.inference = new InferenceService(this.models, table, this.logBuffer, this.metrics, {
      maxConcurrency: options.maxConcurrency,
    });
    this.status = new ModelStatusService(this.inference);
    this.listener = new DeploymentEventsListener(
      bus,
      deploymentEventsTopic(options.deploymentTopic),
      table,
      this.models,
      logger,
      inProcessBus,
    );
  }

  /** Replays deployment events, then reports the server ready. */
  async start(): Promise<void> {
    // Standalone: the in-process bus has no topics until someone creates them (Kafka: deployment config).
    if (this.inProcessBus && this.options.logging) await this.bus.ensureTopics([this.options.logsTopic], 1);
    await this.listener.start();
    this.status.markReady();
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.logBuffer.close(5_000);
    await this.producer?.close();
    await this.models.close();
    this.source.close();
    this.metrics.close();
  }
}
