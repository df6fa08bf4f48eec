import { MessageCodec, Topic, TOPIC_CODECS, topicKey, TopicMessages } from '@flywheel/contracts';

/**
 * A topic and how its payload is encoded: everything a producer or consumer needs to turn
 * values of type T into records and back. Works for Flywheel's topics and for test-only ones.
 */
export interface EventTopic<T> {
  readonly name: string;
  readonly codec: MessageCodec<T>;
  /** The key of a message sent without an explicit one; keying by aggregate keeps its order. */
  readonly keyOf?: (message: T) => string;
}

// Kafka's own rule for topic names (and Kafka's length limit, minus room for the `.dlq` suffix).
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,244}$/;

/** @throws Error naming the topic when Kafka would refuse the name. */
export function assertTopicName(name: string): void {
  if (typeof name !== 'string' || !TOPIC_NAME.test(name)) {
    throw new Error(`topic name "${String(name)}" must be 1-244 characters of a-z, A-Z, 0-9, '.', '_' or '-'`);
  }
}

/** An EventTopic for `name`. @throws Error naming the topic when Kafka would refuse the name. */
export function defineTopic<T>(name: string, codec: MessageCodec<T>, keyOf?: (message: T) => string): EventTopic<T> {
  assertTopicName(name);
  return Object.freeze({ name, codec, keyOf });
}

const flywheelTopics = new Map<Topic, EventTopic<unknown>>();

/** One of Flywheel's topics, typed by its payload and keyed by its aggregate (see topicKey). */
export function flywheelTopic<K extends Topic>(topic: K): EventTopic<TopicMessages[K]> {
  let eventTopic = flywheelTopics.get(topic);
  if (!eventTopic) {
    const codec: MessageCodec<TopicMessages[K]> = TOPIC_CODECS[topic];
    eventTopic = defineTopic(topic, codec, (message: TopicMessages[K]) => topicKey(topic, message)) as EventTopic<unknown>;
    flywheelTopics.set(topic, eventTopic);
  }
  return eventTopic as EventTopic<TopicMessages[K]>;
}
