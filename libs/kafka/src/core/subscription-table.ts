import { BatchHandler } from '../contract/event-consumer';
import { EventTopic } from '../contract/event-topic';
import { Subscription } from './process-batch';

/** A consumer's topic -> handler routes, fixed once the consumer starts. */
export class SubscriptionTable {
  private readonly byTopic = new Map<string, Subscription<unknown>>();
  private frozen = false;

  constructor(private readonly groupId: string) {}

  add<T>(topic: EventTopic<T>, handler: BatchHandler<T>): void {
    if (this.frozen) throw new Error(`consumer of group "${this.groupId}" already started: subscribe to ${topic.name} before start()`);
    if (this.byTopic.has(topic.name)) throw new Error(`group "${this.groupId}" already has a handler for topic ${topic.name}`);
    // The table is keyed by topic name, and each entry pairs a topic's codec with its own handler.
    this.byTopic.set(topic.name, { topic, handler } as unknown as Subscription<unknown>);
  }

  /** Fixes the routes; @throws Error when there are none or start() runs twice. */
  freeze(): void {
    if (this.frozen) throw new Error(`consumer of group "${this.groupId}" was already started`);
    if (this.byTopic.size === 0) throw new Error(`consumer of group "${this.groupId}" has no subscriptions: call subscribe() before start()`);
    this.frozen = true;
  }

  get(topic: string): Subscription<unknown> | undefined {
    return this.byTopic.get(topic);
  }

  topics(): string[] {
    return [...this.byTopic.keys()];
  }
}
