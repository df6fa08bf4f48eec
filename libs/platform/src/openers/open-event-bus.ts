import { InProcessEventBus, KafkaEventBus, type EventBus } from '@flywheel/kafka';
import type { OpenedResource } from '../opened-resource';
import type { EventBusPlan } from '../resource-plan';
import { busLogger } from './bus-logger';

/**
 * Kafka for a broker list, else the in-process bus. Neither connects here: Kafka producers and
 * consumers connect when started, so the check opens the admin connection to prove the brokers
 * answer (creating no topic).
 */
export function openEventBus(plan: EventBusPlan): OpenedResource<EventBus> {
  const logger = busLogger();
  const bus =
    plan.kind === 'kafka'
      ? new KafkaEventBus({
          brokers: plan.brokers,
          logger,
          ...(plan.security && { security: plan.security }),
        })
      : new InProcessEventBus({ logger });
  return {
    value: bus,
    check: () => bus.ensureTopics([], 1),
    close: () => bus.close(),
  };
}
