import { loadPlatformConfig } from '@flywheel/config';
import { testStack } from '@flywheel/testing';
import { busRoundTrip } from '../test/round-trips';
import { PlatformResources } from './platform-resources';
import { resourcePlan } from './resource-plan';

// The SCRAM variables, as an operator sets them, reach the Kafka client: the test broker's
// SASL listener (scripts/stack/kafka.sh) accepts nothing else.
describe('PlatformResources with Kafka over SASL/SCRAM from configuration', () => {
  const sasl = testStack().kafkaSasl;
  const config = loadPlatformConfig({
    FLYWHEEL_DATA_DIR: '/tmp/flywheel-platform-sasl',
    FLYWHEEL_KAFKA_BROKERS: sasl.brokers.join(','),
    FLYWHEEL_KAFKA_SASL_MECHANISM: sasl.mechanism,
    FLYWHEEL_KAFKA_SASL_USERNAME: sasl.username,
    FLYWHEEL_KAFKA_SASL_PASSWORD: sasl.password,
  });

  it('plans the Kafka bus with the configured credentials', () => {
    expect(resourcePlan(config).eventBus).toEqual({
      kind: 'kafka',
      brokers: sasl.brokers,
      security: { sasl: { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password } },
    });
  });

  it('carries events through the SASL listener', async () => {
    const resources = new PlatformResources(config);
    try {
      await expect(busRoundTrip(resources)).resolves.toBe('hello');
    } finally {
      await resources.close();
    }
  });
});
