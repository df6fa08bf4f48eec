import { randomUUID } from 'node:crypto';
import { type DeploymentEvent, DeploymentEventKind, TOPIC_CODECS, Topic } from '@flywheel/contracts';
import { type EventProducer, type EventTopic, defineTopic } from '@flywheel/kafka';
import { type PolicyChangeKind, type TrafficPolicy, trafficPolicyToFields } from '@flywheel/traffic-policy';

/** The deployment events topic, or another name with the same payload (tests isolate by topic). */
export function deploymentEventsTopic(name: string = Topic.DeploymentEvents): EventTopic<DeploymentEvent> {
  return defineTopic(name, TOPIC_CODECS[Topic.DeploymentEvents], (event) => event.modelName);
}

const KINDS: Record<PolicyChangeKind | 'policy_set', DeploymentEventKind> = {
  rollout_started: DeploymentEventKind.ROLLOUT_STARTED,
  step_advanced: DeploymentEventKind.STEP_ADVANCED,
  promoted: DeploymentEventKind.PROMOTED,
  rolled_back: DeploymentEventKind.ROLLED_BACK,
  policy_set: DeploymentEventKind.POLICY_SET,
};

/**
 * Publishes a model's complete traffic policy on `flywheel.deployment.events.v1` (key: model
 * name); the gateway applies the latest event per model, so republishing is harmless.
 */
export class DeploymentPublisher {
  constructor(
    private readonly producer: EventProducer,
    private readonly topic: EventTopic<DeploymentEvent>,
  ) {}

  async publish(
    modelName: string,
    kind: PolicyChangeKind | 'policy_set',
    policy: TrafficPolicy,
    reason: string,
  ): Promise<DeploymentEvent> {
    const event: DeploymentEvent = {
      eventId: randomUUID(),
      modelName,
      occurredAtMs: Date.now(),
      kind: KINDS[kind],
      policy: trafficPolicyToFields(policy),
      reason,
    };
    await this.producer.send(this.topic, event);
    return event;
  }
}
