import { testStack } from '@flywheel/testing';
import { KafkaEventBus, silentLogger } from '../src/index';
import { describeEventBusContract } from './event-bus-contract';

// Short heartbeats and fetch waits keep rebalances and shutdowns quick on the test broker.
describeEventBusContract(
  'KafkaEventBus',
  () =>
    new KafkaEventBus({
      brokers: testStack().kafkaBrokers,
      clientId: 'flywheel-kafka-contract',
      logger: silentLogger,
      consumer: { heartbeatIntervalMs: 500, sessionTimeoutMs: 10_000, maxWaitTimeMs: 100 },
    }),
);
