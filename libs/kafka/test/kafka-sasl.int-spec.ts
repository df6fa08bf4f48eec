import { Topic, TOPIC_CODECS } from '@flywheel/contracts';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { BusLogger, defineTopic, forEachMessage, KafkaEventBus, KafkaSecurity } from '../src/index';
import { command } from './event-bus-contract';

// The broker's SASL_PLAINTEXT listener (scripts/stack/kafka.sh) accepts SCRAM-SHA-512 only.

/** Every line the bus logged, message and fields, as text. */
function recordingLogger(): { logger: BusLogger; text: () => string } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return {
    logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
    text: () => lines.join('\n'),
  };
}

describe('KafkaEventBus over SASL/SCRAM', () => {
  const stack = testStack().kafkaSasl;
  const scram = (password: string): KafkaSecurity => ({
    sasl: { mechanism: stack.mechanism, username: stack.username, password },
  });

  it('produces and consumes through the SCRAM-SHA-512 listener', async () => {
    const logs = recordingLogger();
    const bus = new KafkaEventBus({
      brokers: stack.brokers,
      clientId: 'flywheel-sasl-test',
      security: scram(stack.password),
      logger: logs.logger,
      logLevel: 'debug',
      consumer: { heartbeatIntervalMs: 500, sessionTimeoutMs: 10_000, maxWaitTimeMs: 100 },
    });
    try {
      const topic = defineTopic(uniqueName('sasl_roundtrip'), TOPIC_CODECS[Topic.OrchestrationCommands]);
      await bus.ensureTopics([topic.name], 1);
      const received: string[] = [];
      const consumer = bus.createConsumer({ groupId: uniqueName('sasl_group') });
      consumer.subscribe(
        topic,
        forEachMessage((message) => {
          received.push(message.value.commandId);
          return Promise.resolve();
        }),
      );
      await consumer.start();
      const producer = bus.createProducer();
      await producer.send(topic, command('over-scram'), { key: 'model-a' });
      await waitFor(() => received.includes('over-scram'), { timeoutMs: 30_000, description: 'the record consumed over SCRAM' });
      // Debug logging of kafkajs covers the whole SASL handshake; the password is in none of it.
      expect(logs.text()).toContain('SASL');
      expect(logs.text()).not.toContain(stack.password);
    } finally {
      await bus.close();
    }
  });

  it('fails with a clear authentication error that never contains the password', async () => {
    const wrong = `wrong-${uniqueName('password')}`;
    const logs = recordingLogger();
    const bus = new KafkaEventBus({
      brokers: stack.brokers,
      clientId: 'flywheel-sasl-test',
      security: scram(wrong),
      logger: logs.logger,
      logLevel: 'debug',
    });
    try {
      const failure = await bus.ensureTopics([uniqueName('sasl_denied')], 1).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(failure?.message).toMatch(/SASL SCRAM SHA512 authentication failed.*invalid credentials/i);
      for (const text of [failure?.message, failure?.stack, JSON.stringify(failure), logs.text()]) {
        expect(text ?? '').not.toContain(wrong);
      }
    } finally {
      await bus.close();
    }
  });
});
