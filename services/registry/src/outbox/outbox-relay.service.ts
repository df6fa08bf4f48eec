import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EventBus, EventProducer } from '@flywheel/kafka';
import { EVENT_BUS } from '@flywheel/platform';
import { createLogger } from '@flywheel/telemetry';
import { RegistryDatabase } from '../db/registry-database';
import { REGISTRY_OPTIONS, type RegistryOptions } from '../registry-options';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';
import { BusRegistryEventPublisher, registryEventsTopic } from './registry-event-publisher';

/** Runs the outbox relay for the life of the registry's app, on its own producer. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly producer: EventProducer;
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(EVENT_BUS) bus: EventBus,
    database: RegistryDatabase,
    outbox: OutboxRepository,
    @Inject(REGISTRY_OPTIONS) options: RegistryOptions,
  ) {
    const log = createLogger('registry');
    this.producer = bus.createProducer();
    this.relay = new OutboxRelay(database.pool, outbox, new BusRegistryEventPublisher(this.producer, registryEventsTopic(options.topic)), {
      ...DEFAULT_RELAY_OPTIONS,
      ...options.relay,
      logger: { info: (message) => log.info(message), warn: (message) => log.warn(message) },
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    // A producer stuck retrying a dead broker must not hold shutdown; unsent rows stay in the outbox.
    await Promise.race([this.producer.close(), new Promise((resolve) => setTimeout(resolve, DEFAULT_RELAY_OPTIONS.stopTimeoutMs).unref())]);
  }
}
