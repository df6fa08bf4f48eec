import { Topic } from './topic';
import { TopicMessages } from './topic-messages';

/**
 * The payload field whose value is each topic's Kafka message key. Keying by the aggregate keeps
 * every change to one model (or one request's feedback) in one partition, hence in order.
 */
export const TOPIC_KEY_FIELD = Object.freeze({
  [Topic.InferenceLogs]: 'modelName',
  [Topic.InferenceFeedback]: 'requestId',
  [Topic.RegistryEvents]: 'modelName',
  [Topic.MonitoringDrift]: 'modelName',
  [Topic.OrchestrationCommands]: 'modelName',
  [Topic.DeploymentEvents]: 'modelName',
  [Topic.TrackingRuns]: 'runId',
} as const satisfies { [T in Topic]: keyof TopicMessages[T] & string });

/**
 * The Kafka message key for `message` on `topic`.
 * @throws Error when the key field is empty: a keyless record would land on an arbitrary
 *   partition and lose its ordering with the rest of its aggregate.
 */
export function topicKey<T extends Topic>(topic: T, message: TopicMessages[T]): string {
  const field = TOPIC_KEY_FIELD[topic];
  const key: unknown = (message as unknown as Record<string, unknown>)[field];
  if (typeof key !== 'string' || key === '') {
    throw new Error(`topicKey: ${field} must be a non-empty string; it is the message key of ${topic}`);
  }
  return key;
}
