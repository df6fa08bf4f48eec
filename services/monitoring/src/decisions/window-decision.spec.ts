import type { WindowDrift } from '../evaluation/evaluate-window';
import { type CanaryWindow, INITIAL_MONITOR_STATE, type MonitorState, decideWindow } from './window-decision';

const guardrails = {
  errorRateMultiple: 2,
  errorRateFloor: 0.01,
  p99LatencyMsLimit: 500,
  predictionDistanceLimit: 0.2,
  minCanaryRequests: 10,
};
const retrain = { consecutiveWindows: 3, cooldownWindows: 2 };
const drift = (datasetDrift: boolean): WindowDrift => ({
  features: [],
  datasetDrift,
  driftShare: datasetDrift ? 1 : 0,
  driftedFeatures: [],
});
const health = (errorRate: number, p99LatencyMs = 100) => ({ requests: 100, errorRate, p99LatencyMs });
const canary = (errorRate: number, canaryVersion = 7): CanaryWindow => ({
  canaryVersion,
  observation: { canary: health(errorRate), champion: health(0.01), predictionDistance: 0.01 },
});

/** Runs windows through decideWindow, returning each window's retrain decision. */
function run(drifts: Array<boolean | undefined>): string[] {
  let state: MonitorState = INITIAL_MONITOR_STATE;
  return drifts.map((drifted, i) => {
    const step = decideWindow({
      window: { startMs: i, endMs: i + 1 },
      drift: drifted === undefined ? undefined : drift(drifted),
      canary: undefined,
      state,
      retrain,
      guardrails,
    });
    state = step.state;
    return step.retrain;
  });
}

describe('decideWindow', () => {
  it('asks for a retrain on the K-th drifted window in a row, not before', () => {
    expect(run([true, true, true])).toEqual(['pending', 'pending', 'retrain']);
  });

  it('restarts the streak after a window without drift (no flapping on isolated windows)', () => {
    expect(run([true, true, false, true, true, true])).toEqual([
      'pending',
      'pending',
      'stable',
      'pending',
      'pending',
      'retrain',
    ]);
  });

  it('sits out the cooldown after a retrain, then counts again from zero', () => {
    expect(run([true, true, true, true, true, true, true, true])).toEqual([
      'pending',
      'pending',
      'retrain',
      'cooldown',
      'cooldown',
      'pending',
      'pending',
      'retrain',
    ]);
  });

  it('leaves the streak untouched by windows without rows', () => {
    expect(run([true, undefined, true, true])).toEqual(['pending', 'no-data', 'pending', 'retrain']);
  });

  it('requests a rollback on the first breached canary window and only once per canary version', () => {
    let state: MonitorState = INITIAL_MONITOR_STATE;
    const decisions = [canary(0.01), canary(0.2), canary(0.3), canary(0.3, 8)].map((c, i) => {
      const step = decideWindow({
        window: { startMs: i, endMs: i + 1 },
        drift: drift(false),
        canary: c,
        state,
        retrain,
        guardrails,
      });
      state = step.state;
      return [step.canary?.status, step.rollbackCanaryVersion];
    });
    expect(decisions).toEqual([
      ['healthy', undefined],
      ['breached', 7],
      ['breached', undefined],
      ['breached', 8],
    ]);
  });

  it('does not judge a canary below the minimum request count', () => {
    const thin: CanaryWindow = {
      canaryVersion: 7,
      observation: {
        canary: { requests: 3, errorRate: 1, p99LatencyMs: 9000 },
        champion: health(0),
        predictionDistance: 1,
      },
    };
    const step = decideWindow({
      window: { startMs: 0, endMs: 1 },
      drift: undefined,
      canary: thin,
      state: INITIAL_MONITOR_STATE,
      retrain,
      guardrails,
    });
    expect(step.canary?.status).toBe('insufficient-data');
    expect(step.rollbackCanaryVersion).toBeUndefined();
  });
});
