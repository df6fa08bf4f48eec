import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Topic, codecForTopic } from '@flywheel/contracts';
import { type EventBus, type EventProducer, flywheelTopic } from '@flywheel/kafka';
import { EVENT_BUS } from '@flywheel/platform';
import type { TrackingSettings } from '../config/tracking-settings';
import { TrackingDatabase } from '../database/tracking-database';
import { TRACKING_SETTINGS } from '../database/tracking-settings.token';
import { RunEventOutboxRepository } from './run-event-outbox.repository';

const BATCH_SIZE = 100;
/** Long enough for a slow broker to acknowledge a batch; a crashed relay's rows wait this long. */
const LEASE_MS = 30_000;
/** How often the outbox is checked without a wake-up (events of other replicas, retries). */
const POLL_INTERVAL_MS = 1_000;
const RETRY_DELAY_MS = 5_000;

/**
 * Publishes the run event outbox to `flywheel.tracking.runs.v1`: at once when a change in this
 * process commits an event (`wake`), and every second for anything left over. Events are
 * deleted only after the bus acknowledged them, so delivery is at least once.
 */
@Injectable()
export class RunEventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RunEventRelay.name);
  private readonly topic = flywheelTopic(Topic.TrackingRuns);
  private producer: EventProducer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private wakeAgain = false;
  private stopped = false;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
    private readonly database: TrackingDatabase,
    private readonly outbox: RunEventOutboxRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Kafka topics come from deployment (deploy/kafka/create-topics.sh); the in-process bus has
    // no deployment, so the process that owns it is where its topic is created.
    if (this.settings.inProcessEventBus) await this.bus.ensureTopics([this.topic.name], 1);
    this.producer = this.bus.createProducer();
    this.schedule(0);
  }

  /** Publishes soon: call after committing a transaction that enqueued an event. */
  wake(): void {
    if (this.stopped) return;
    if (this.pass) this.wakeAgain = true;
    else this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
    await this.producer?.close();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delayMs);
    this.timer.unref();
  }

  private run(): void {
    this.pass = this.publishAll()
      .then(
        () => POLL_INTERVAL_MS,
        (error: unknown) => {
          this.logger.warn(
            `publishing run events failed, retrying in ${RETRY_DELAY_MS} ms: ${String(error)}`,
          );
          return RETRY_DELAY_MS;
        },
      )
      .then((delay) => {
        this.pass = undefined;
        if (this.stopped) return;
        this.schedule(this.wakeAgain ? 0 : delay);
        this.wakeAgain = false;
      });
  }

  private async publishAll(): Promise<void> {
    const producer = this.producer;
    if (!producer) return;
    const codec = codecForTopic(Topic.TrackingRuns);
    while (!this.stopped) {
      const events = await this.database.withConnection((c) => this.outbox.claim(c, BATCH_SIZE, LEASE_MS));
      if (events.length === 0) return;
      const ids = events.map((event) => event.id);
      try {
        await producer.sendMany(
          this.topic,
          events.map((event) => ({ value: codec.decode(event.payload) })),
        );
      } catch (error) {
        await this.database.withConnection((c) => this.outbox.release(c, ids));
        throw error;
      }
      await this.database.withConnection((c) => this.outbox.remove(c, ids));
    }
  }
}
