import { UsageError } from '../usage-error';
import { parseDemoCommand } from './parse-demo-command';

describe('parseDemoCommand', () => {
  it('defaults to a fresh model name, 10 s of steady traffic, 180 s per step and 4-second windows', () => {
    expect(parseDemoCommand([], ['admin-port'], 36 ** 3)).toEqual({
      options: { modelName: 'churn-demo-1000', steadySeconds: 10, stepTimeoutMs: 180_000, windowSeconds: 4 },
      configFlags: {},
    });
  });

  it('takes its own options and the configuration flags naming the platform ports', () => {
    expect(parseDemoCommand(['--model=churn', '--steady-seconds', '4', '--step-timeout=60', '--window-seconds=6', '--admin-port=9000'], ['admin-port'])).toEqual({
      options: { modelName: 'churn', steadySeconds: 4, stepTimeoutMs: 60_000, windowSeconds: 6 },
      configFlags: { 'admin-port': '9000' },
    });
  });

  it('answers help, and refuses unknown flags, bad names and bad durations naming the flag', () => {
    expect(parseDemoCommand(['--help'], [])).toBe('help');
    expect(() => parseDemoCommand(['--port=1'], [])).toThrow(UsageError);
    expect(() => parseDemoCommand(['--model=../x'], [])).toThrow(/--model/);
    expect(() => parseDemoCommand(['--step-timeout=soon'], [])).toThrow(/--step-timeout/);
    expect(() => parseDemoCommand(['--window-seconds=0'], [])).toThrow(/--window-seconds/);
  });
});
