import { processEnv } from './process-env';

const run = {
  runId: 'r1',
  step: 'train',
  attempt: 2,
  workDir: '/data/runs/r1',
  outputsFile: '/data/runs/r1/.outputs/train.2.json',
};

describe('processEnv', () => {
  const host = {
    PATH: '/usr/bin',
    TZ: 'UTC',
    FLYWHEEL_DATABASE_URL: 'postgres://secret',
    AWS_SECRET_ACCESS_KEY: 'k',
  };

  it('passes PATH and allowlisted variables only, never the rest of the host environment', () => {
    expect(processEnv(host, ['TZ', 'LANG'], {}, run)).toEqual({
      PATH: '/usr/bin',
      TZ: 'UTC',
      FLYWHEEL_RUN_ID: 'r1',
      FLYWHEEL_STEP: 'train',
      FLYWHEEL_ATTEMPT: '2',
      FLYWHEEL_RUN_DIR: '/data/runs/r1',
      FLYWHEEL_OUTPUTS: '/data/runs/r1/.outputs/train.2.json',
    });
  });

  it('adds the step env from the definition, and keeps the run identifiers authoritative', () => {
    const env = processEnv(host, [], { MODE: 'fast', FLYWHEEL_RUN_ID: 'forged' }, run);
    expect(env).toMatchObject({ MODE: 'fast', FLYWHEEL_RUN_ID: 'r1' });
    expect(env).not.toHaveProperty('FLYWHEEL_DATABASE_URL');
  });
});
