import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type DeploymentEvent, TOPIC_CODECS, Topic } from '@flywheel/contracts';
import { type EventBus, type EventConsumer, type EventTopic, defineTopic } from '@flywheel/kafka';
import type { Logger } from '@flywheel/telemetry';
import { trafficPolicyFromFields } from '@flywheel/traffic-policy';
import { policyVersions } from '../inference/model-status.service';
import type { ModelStore } from '../runtime/model-store';
import type { TrafficTable } from './traffic-table';

export function deploymentEventsTopic(name: string): EventTopic<DeploymentEvent> {
  return defineTopic(name, TOPIC_CODECS[Topic.DeploymentEvents], (event) => event.modelName);
}

/**
 * Applies deployment events to the traffic table. Every replica reads every event from the
 * start (its own consumer group, fresh each start), so the table rebuilds itself on boot.
 * Before a new policy takes effect its versions are loaded and warmed up, so the swap costs no
 * request a cold load; a version that cannot load is logged and the policy applied anyway
 * (requests to it then fail with the load error rather than silently going elsewhere).
 */
export class DeploymentEventsListener {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly topic: EventTopic<DeploymentEvent>,
    private readonly table: TrafficTable,
    private readonly models: ModelStore,
    private readonly logger: Logger,
    private readonly inProcessBus: boolean,
  ) {}

  async start(): Promise<void> {
    // On Kafka, topics come from deployment config; the in-process bus (standalone) has none yet.
    if (this.inProcessBus) await this.bus.ensureTopics([this.topic.name], 1);
    const consumer = this.bus.createConsumer({ groupId: `serving-gateway.${hostname()}.${process.pid}.${randomUUID()}`, startFrom: 'earliest' });
    consumer.subscribe(this.topic, async (batch) => {
      // Only the latest event per model matters; older ones in the batch are superseded.
      const latest = new Map<string, DeploymentEvent>();
      for (const message of batch.messages) latest.set(message.value.modelName, message.value);
      for (const event of latest.values()) await this.apply(event);
    });
    await consumer.start();
    this.consumer = consumer;
  }

  async close(): Promise<void> {
    await this.consumer?.close();
  }

  private async apply(event: DeploymentEvent): Promise<void> {
    const fields = event.policy ?? { championVersion: 0, canaryVersion: 0, canaryWeightPercent: 0, shadowVersion: 0, stickyKeyHeader: '' };
    if (fields.championVersion <= 0) {
      this.logger.warn({ event: event.eventId, model: event.modelName }, 'ignoring deployment event without a champion version');
      return;
    }
    let versions: number[];
    try {
      versions = policyVersions(trafficPolicyFromFields(fields));
    } catch (error) {
      this.logger.warn({ event: event.eventId, model: event.modelName, error: (error as Error).message }, 'ignoring deployment event with an invalid traffic policy');
      return;
    }
    await Promise.all(
      versions.map((version) =>
        this.models.get(event.modelName, version).catch((error: unknown) => {
          this.logger.warn({ model: event.modelName, version, error: (error as Error).message }, 'could not preload a version of the new traffic policy');
        }),
      ),
    );
    this.table.applyEvent(event.modelName, fields, Date.now());
    this.logger.info({ model: event.modelName, kind: event.kind, policy: fields }, 'traffic policy applied');
  }
}
