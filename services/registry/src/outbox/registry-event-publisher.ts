import { RegistryEvent, Topic, TOPIC_CODECS } from '@flywheel/contracts';
import { defineTopic, type EventProducer, type EventTopic } from '@flywheel/kafka';

/** Publishes a batch of events in order; resolves once the bus acknowledged all of them. */
export interface RegistryEventPublisher {
  publish(events: readonly RegistryEvent[]): Promise<void>;
}

/** The registry events topic, or another name with the same payload (tests isolate by topic). */
export function registryEventsTopic(name: string = Topic.RegistryEvents): EventTopic<RegistryEvent> {
  return defineTopic(name, TOPIC_CODECS[Topic.RegistryEvents], (event) => event.modelName);
}

/** Sends each event keyed by its model name, so one model's events share a partition and stay ordered. */
export class BusRegistryEventPublisher implements RegistryEventPublisher {
  constructor(
    private readonly producer: EventProducer,
    private readonly topic: EventTopic<RegistryEvent>,
  ) {}

  publish(events: readonly RegistryEvent[]): Promise<void> {
    return this.producer.sendMany(
      this.topic,
      events.map((value) => ({ value, key: value.modelName })),
    );
  }
}
