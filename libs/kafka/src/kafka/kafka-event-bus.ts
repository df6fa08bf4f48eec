import { Admin, Kafka, Partitioners } from 'kafkajs';
import { EventBus } from '../contract/event-bus';
import { ConsumerOptions, EventConsumer } from '../contract/event-consumer';
import { EventProducer } from '../contract/event-producer';
import { BusLogger, stderrLogger } from '../contract/logger';
import { redactingLogger } from '../contract/redacting-logger';
import { resolveConsumerSettings } from '../core/consumer-settings';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { KafkaEventProducer } from './kafka-event-producer';
import { ensureKafkaTopics } from './kafka-topic-admin';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-log-creator';
import { kafkaSecurityConfig, securitySecrets } from './kafka-security';
import { KafkaConsumerSettings, KafkaEventBusOptions, KafkaProducerSettings, resolveKafkaSettings } from './kafka-options';

/** The event bus over Apache Kafka (kafkajs). One client; producers and consumers made from it. */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly logger: BusLogger;
  private readonly producerSettings: KafkaProducerSettings;
  private readonly consumerSettings: KafkaConsumerSettings;
  private readonly producers = new Set<KafkaEventProducer>();
  private readonly consumers = new Set<KafkaEventConsumer>();
  private deadLetterProducer?: KafkaEventProducer;
  private admin?: Promise<Admin>;

  constructor(options: KafkaEventBusOptions) {
    const settings = resolveKafkaSettings(options);
    this.producerSettings = settings.producer;
    this.consumerSettings = settings.consumer;
    this.logger = redactingLogger(options.logger ?? stderrLogger, securitySecrets(options.security));
    this.kafka = new Kafka({
      brokers: [...options.brokers],
      clientId: options.clientId ?? 'flywheel',
      ...kafkaSecurityConfig(options.security),
      logLevel: kafkaLogLevel(options.logLevel ?? 'error'),
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  createProducer(): EventProducer {
    const producer = this.newProducer(this.producerSettings);
    this.producers.add(producer);
    return producer;
  }

  createConsumer(options: ConsumerOptions): EventConsumer {
    const consumer = new KafkaEventConsumer(resolveConsumerSettings(options), {
      kafka: this.kafka,
      tuning: this.consumerSettings,
      logger: this.logger,
      // Dead letters are rare and must be acknowledged before the commit: no linger.
      sendDeadLetters: (topic, records) => (this.deadLetterProducer ??= this.newProducer({ ...this.producerSettings, lingerMs: 0 })).sendRecords(topic, records),
      onClose: (closed) => this.consumers.delete(closed),
    });
    this.consumers.add(consumer);
    return consumer;
  }

  async ensureTopics(topics: readonly string[], partitions: number): Promise<void> {
    await ensureKafkaTopics(await this.connectedAdmin(), topics, partitions);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    await Promise.all([...this.producers, ...(this.deadLetterProducer ? [this.deadLetterProducer] : [])].map((producer) => producer.close()));
    if (this.admin) await (await this.admin).disconnect();
  }

  private newProducer(settings: KafkaProducerSettings): KafkaEventProducer {
    const producer = this.kafka.producer({
      idempotent: settings.idempotent,
      retry: { retries: settings.retries },
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    return new KafkaEventProducer(producer, settings, this.logger, (closed) => this.producers.delete(closed));
  }

  private connectedAdmin(): Promise<Admin> {
    return (this.admin ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
      } catch (error) {
        this.admin = undefined;
        throw error;
      }
      return admin;
    })());
  }
}
