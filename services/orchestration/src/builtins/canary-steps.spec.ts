import type { RolloutState } from '@flywheel/traffic-policy';
import type { CanaryController } from '../canary/canary-controller';
import type { StoredRollout } from '../canary/rollouts.repository';
import type { BuiltinStepContext } from './builtin-step-handler';
import { deployCanaryStep } from './canary-steps';

/** A controller whose rollout goes through `states`, one per `state()` call, then stays on the last. */
function scriptedCanary(states: { state: RolloutState; effectsPending: boolean }[]) {
  let polls = 0;
  const canary = {
    startRollout: () => Promise.resolve('rollout-1'),
    state: (): Promise<StoredRollout> => {
      const next = states[Math.min(polls++, states.length - 1)]!;
      return Promise.resolve({
        id: 'rollout-1',
        modelName: 'churn',
        canaryVersion: 2,
        plan: undefined as never,
        timer: undefined,
        ...next,
      });
    },
  } as unknown as CanaryController;
  return { canary, polls: () => polls };
}

function context(): BuiltinStepContext & { lines: string[] } {
  const lines: string[] = [];
  return {
    runId: 'run-1',
    step: 'deploy-canary',
    attempt: 1,
    signal: new AbortController().signal,
    log: (line) => lines.push(line),
    lines,
  };
}

const input = { model_name: 'churn', version: 2, traffic_steps: [50, 100], step_interval: 10 };
const promoted: RolloutState = { status: 'promoted', atMs: 5 };

describe('deploy-canary', () => {
  it('ends only once the promotion has its effects performed, not when the promoted state is saved', async () => {
    const { canary, polls } = scriptedCanary([
      { state: { status: 'pending' }, effectsPending: true },
      { state: promoted, effectsPending: true },
      { state: promoted, effectsPending: true },
      { state: promoted, effectsPending: false },
    ]);
    await expect(deployCanaryStep(canary, 1)(input, context())).resolves.toEqual({
      deployment_id: 'rollout-1',
      healthy: true,
    });
    expect(polls()).toBe(4);
  });

  it('reports a rolled-back rollout as not healthy, once its effects are performed', async () => {
    const rolledBack: RolloutState = { status: 'rolled_back', atMs: 5, stepIndex: 0, reason: 'drift' };
    const { canary, polls } = scriptedCanary([
      { state: rolledBack, effectsPending: true },
      { state: rolledBack, effectsPending: false },
    ]);
    const step = context();
    await expect(deployCanaryStep(canary, 1)(input, step)).resolves.toEqual({
      deployment_id: 'rollout-1',
      healthy: false,
    });
    expect(polls()).toBe(2);
    expect(step.lines.at(-1)).toBe('rollout ended: rolled_back');
  });
});
