import type { OnModuleDestroy } from '@nestjs/common';
import { Topic, type InferenceFeedback } from '@flywheel/contracts';
import { type EventBus, type EventProducer, flywheelTopic } from '@flywheel/kafka';

/**
 * Publishes ground-truth feedback on `flywheel.inference.feedback.v1` for callers that cannot
 * reach the bus themselves (standalone mode's bus lives inside the platform process).
 */
export class FeedbackPublisher implements OnModuleDestroy {
  private readonly producer: EventProducer;
  private topicReady: Promise<void> | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly inProcessBus: boolean,
  ) {
    this.producer = bus.createProducer();
  }

  async publish(feedback: readonly InferenceFeedback[]): Promise<void> {
    // The in-process bus has no topics until someone creates them (Kafka: deployment config).
    if (this.inProcessBus) await (this.topicReady ??= this.bus.ensureTopics([Topic.InferenceFeedback], 1));
    await this.producer.sendMany(
      flywheelTopic(Topic.InferenceFeedback),
      feedback.map((value) => ({ value })),
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.producer.close();
  }
}
