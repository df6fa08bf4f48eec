import { orchestrationOptionsFrom } from './orchestration-options';

describe('orchestrationOptionsFrom', () => {
  it('puts run directories under the data directory and applies defaults', () => {
    expect(orchestrationOptionsFrom({ dataDir: '/var/flywheel' }, {})).toEqual({
      schema: 'orchestration',
      auditSchema: 'identity',
      runsDir: '/var/flywheel/orchestration/runs',
      pollIntervalMs: 1000,
      leaseMs: 30000,
      executor: {
        envAllowlist: ['LANG', 'LC_ALL', 'TZ'],
        outputLimitBytes: 65536,
        killGraceMs: 5000,
        serviceEnv: {},
      },
      events: {
        commandsTopic: 'flywheel.orchestration.commands.v1',
        registryEventsTopic: 'flywheel.registry.events.v1',
        deploymentsTopic: 'flywheel.deployment.events.v1',
        consumerGroup: 'orchestration',
      },
    });
  });

  it('points processes and the built-in steps at the platform services', () => {
    const ports = { tracking: { grpc: 5000, http: 5001 }, registry: { grpc: 50052, http: 8001 } };
    const options = orchestrationOptionsFrom({ dataDir: '/d', ports } as never, {
      FLYWHEEL_ORCHESTRATION_REGISTRY_TOKEN: 'fwk_x',
    });
    expect(options.registry).toEqual({ address: '127.0.0.1:50052', token: 'fwk_x' });
    expect(options.executor.serviceEnv).toEqual({
      MLFLOW_TRACKING_URI: 'http://127.0.0.1:5001',
      FLYWHEEL_TRACKING_URL: 'http://127.0.0.1:5001',
      FLYWHEEL_REGISTRY_ADDRESS: '127.0.0.1:50052',
    });
  });

  it('takes the consumer group of the command and registry-event triggers from FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP', () => {
    const env = { FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP: 'orchestration-staging' };
    expect(orchestrationOptionsFrom({ dataDir: '/d' }, env).events?.consumerGroup).toBe(
      'orchestration-staging',
    );
    expect(() =>
      orchestrationOptionsFrom({ dataDir: '/d' }, { FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP: 'a group' }),
    ).toThrow(/FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP/);
  });

  it('reads the env allowlist and refuses names that are not variable names', () => {
    expect(
      orchestrationOptionsFrom(
        { dataDir: '/d' },
        { FLYWHEEL_ORCHESTRATION_ENV_ALLOWLIST: 'HOME, PYTHONPATH' },
      ).executor.envAllowlist,
    ).toEqual(['HOME', 'PYTHONPATH']);
    expect(() =>
      orchestrationOptionsFrom({ dataDir: '/d' }, { FLYWHEEL_ORCHESTRATION_ENV_ALLOWLIST: 'HOME;rm' }),
    ).toThrow(/FLYWHEEL_ORCHESTRATION_ENV_ALLOWLIST/);
  });
});
