import { orchestrationOptionsFrom } from './orchestration-options';

describe('orchestrationOptionsFrom', () => {
  it('puts run directories under the data directory and applies defaults', () => {
    expect(orchestrationOptionsFrom({ dataDir: '/var/flywheel' }, {})).toEqual({
      schema: 'orchestration',
      auditSchema: 'identity',
      runsDir: '/var/flywheel/orchestration/runs',
      pollIntervalMs: 1000,
      leaseMs: 30000,
      executor: { envAllowlist: ['LANG', 'LC_ALL', 'TZ'], outputLimitBytes: 65536, killGraceMs: 5000 },
    });
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
