import fc from 'fast-check';
import {
  INITIAL_RETRAIN_STATE,
  RetrainDecision,
  RetrainHysteresisConfig,
  nextRetrainStep,
} from './hysteresis';

function run(windows: boolean[], config: RetrainHysteresisConfig): RetrainDecision[] {
  let state = INITIAL_RETRAIN_STATE;
  return windows.map((drifted) => {
    const step = nextRetrainStep(state, drifted, config);
    state = step.state;
    return step.decision;
  });
}

describe('nextRetrainStep', () => {
  const config = { consecutiveWindows: 3, cooldownWindows: 2 };

  it('fires only on the K-th consecutive drifted window, then cools down for C windows', () => {
    expect(run([true, true, true, true, true, true, true], config)).toEqual([
      'pending',
      'pending',
      'retrain',
      'cooldown',
      'cooldown',
      'pending',
      'pending',
    ]);
  });

  it('restarts the count after a window without drift, so one noisy window does not fire', () => {
    expect(run([true, true, false, true, true, true], config)).toEqual([
      'pending',
      'pending',
      'stable',
      'pending',
      'pending',
      'retrain',
    ]);
  });

  it('fires on every drifted window with K = 1 and no cooldown', () => {
    expect(run([true, false, true], { consecutiveWindows: 1, cooldownWindows: 0 })).toEqual([
      'retrain',
      'stable',
      'retrain',
    ]);
  });

  it('rejects K < 1 and negative or fractional cooldowns', () => {
    expect(() =>
      nextRetrainStep(INITIAL_RETRAIN_STATE, true, { consecutiveWindows: 0, cooldownWindows: 0 }),
    ).toThrow('consecutiveWindows is 0');
    expect(() =>
      nextRetrainStep(INITIAL_RETRAIN_STATE, true, { consecutiveWindows: 1, cooldownWindows: 1.5 }),
    ).toThrow('cooldownWindows is 1.5');
  });

  it('never fires without K drifted windows in a row before it, nor twice within K + C windows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (windows, consecutiveWindows, cooldownWindows) => {
          const decisions = run(windows, { consecutiveWindows, cooldownWindows });
          let lastFiring = -Infinity;
          decisions.forEach((decision, i) => {
            if (decision !== 'retrain') return;
            expect(windows.slice(i - consecutiveWindows + 1, i + 1)).toEqual(
              Array(consecutiveWindows).fill(true),
            );
            expect(i - lastFiring).toBeGreaterThanOrEqual(consecutiveWindows + cooldownWindows);
            lastFiring = i;
          });
        },
      ),
    );
  });
});
