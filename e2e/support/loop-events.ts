import {
  type DeploymentEvent,
  type DriftReport,
  type OrchestrationCommand,
  Topic,
} from '@flywheel/contracts';
import { type EventBus, type EventConsumer, flywheelTopic, forEachMessage } from '@flywheel/kafka';
import { uniqueName } from '@flywheel/testing';

/** An event with the time this test received it (one clock for every measured interval). */
export interface Received<T> {
  value: T;
  receivedAtMs: number;
}

/**
 * Records, as they arrive, one model's orchestration commands, deployment events and drift
 * reports from the platform's own topics (the services share them with other runs: everything
 * is filtered by the model's unique name).
 */
export class LoopEvents {
  readonly commands: Received<OrchestrationCommand>[] = [];
  readonly deployments: Received<DeploymentEvent>[] = [];
  readonly driftReports: Received<DriftReport>[] = [];
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly model: string,
  ) {}

  async start(): Promise<void> {
    const consumer = this.bus.createConsumer({
      groupId: uniqueName('whole_loop_events'),
      startFrom: 'latest',
    });
    this.record(consumer, Topic.OrchestrationCommands, this.commands);
    this.record(consumer, Topic.DeploymentEvents, this.deployments);
    this.record(consumer, Topic.MonitoringDrift, this.driftReports);
    await consumer.start();
    this.consumer = consumer;
  }

  async close(): Promise<void> {
    await this.consumer?.close();
  }

  /** One line per recorded event, for failure messages. */
  describe(): string {
    const line = (kind: string, at: number, value: unknown) =>
      `${new Date(at).toISOString()} ${kind} ${JSON.stringify(value)}`;
    return [
      ...this.commands.map((c) => line('command', c.receivedAtMs, c.value)),
      ...this.deployments.map((d) => line('deployment', d.receivedAtMs, d.value)),
    ]
      .sort()
      .join('\n');
  }

  private record<T extends Topic.OrchestrationCommands | Topic.DeploymentEvents | Topic.MonitoringDrift>(
    consumer: EventConsumer,
    topic: T,
    into: Received<{ modelName: string }>[],
  ): void {
    consumer.subscribe(
      flywheelTopic(topic),
      forEachMessage((message) => {
        const value = message.value as { modelName: string };
        if (value.modelName === this.model) into.push({ value, receivedAtMs: Date.now() });
        return Promise.resolve();
      }),
    );
  }
}
