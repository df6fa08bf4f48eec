import { PLAN } from '../../test/rollout-fixtures';
import { RolloutPlanError } from '../errors';
import { applyRolloutEvent } from './apply-rollout-event';
import { RolloutPlan } from './rollout-plan';
import { policyForRolloutState } from './rollout-policy';
import { INITIAL_ROLLOUT_STATE, RolloutEvent, RolloutState, RolloutTransition } from './rollout-state';
import { RolloutTransitionError } from './rollout-transition-error';

const WINDOW = 60_000;

/** Applies `events` in order from the initial state; returns every transition. */
function run(events: RolloutEvent[], plan: RolloutPlan = PLAN): RolloutTransition[] {
  let state: RolloutState = INITIAL_ROLLOUT_STATE;
  return events.map((event) => {
    const transition = applyRolloutEvent(plan, state, event);
    state = transition.state;
    return transition;
  });
}

/** Timer, then a passing verdict, for step `i` whose window started at `startMs`. */
const passStep = (stepIndex: number, startMs: number): RolloutEvent[] => [
  { type: 'step_timer', stepIndex, atMs: startMs + WINDOW },
  { type: 'analysis_passed', stepIndex, canaryRequests: 500, atMs: startMs + WINDOW + 10 },
];

const canaryPolicy = (weightPercent: number) => ({ ...PLAN.baseline, canary: { version: 2, weightPercent } });

describe('applyRolloutEvent: a healthy rollout', () => {
  const transitions = run([
    { type: 'start', atMs: 0 },
    ...passStep(0, 0),
    ...passStep(1, WINDOW + 10),
    ...passStep(2, 2 * (WINDOW + 10)),
    ...passStep(3, 3 * (WINDOW + 10)),
  ]);

  it('publishes the first share and arms the window timer on start', () => {
    expect(transitions[0]).toEqual({
      state: {
        status: 'progressing',
        stepIndex: 0,
        phase: 'observing',
        stepStartedAtMs: 0,
        windowEndsAtMs: WINDOW,
        windowExtensions: 0,
      },
      policy: canaryPolicy(5),
      effects: [
        {
          type: 'publish_policy',
          kind: 'rollout_started',
          policy: canaryPolicy(5),
          reason: 'canary 2 started at step 1/4 (5%)',
        },
        { type: 'schedule_step_timer', stepIndex: 0, fireAtMs: WINDOW },
      ],
      description: 'canary 2 started at step 1/4 (5%)',
    });
  });

  it('asks for an analysis of exactly the elapsed window when the timer fires', () => {
    expect(transitions[1]!.state).toMatchObject({ status: 'progressing', stepIndex: 0, phase: 'analysing' });
    expect(transitions[1]!.effects).toEqual([
      {
        type: 'run_analysis',
        stepIndex: 0,
        canaryVersion: 2,
        championVersion: 1,
        windowStartMs: 0,
        windowEndMs: WINDOW,
        minRequests: 100,
      },
    ]);
    expect(transitions[1]!.policy).toEqual(canaryPolicy(5));
  });

  it('advances through 25, 50 and 100 percent, publishing each share', () => {
    const published = transitions.flatMap((t) => t.effects).filter((e) => e.type === 'publish_policy');
    expect(published.map((e) => [e.kind, e.policy.canary?.weightPercent])).toEqual([
      ['rollout_started', 5],
      ['step_advanced', 25],
      ['step_advanced', 50],
      ['step_advanced', 100],
      ['promoted', undefined],
    ]);
  });

  it('promotes after the last step: canary becomes champion, shadow and sticky header carry over, alias moves', () => {
    const last = transitions.at(-1)!;
    const promoted = { championVersion: 2, shadow: { version: 9 }, stickyKeyHeader: 'x-user-id' };
    expect(last.state).toEqual({ status: 'promoted', atMs: 4 * (WINDOW + 10) });
    expect(last.policy).toEqual(promoted);
    expect(last.effects).toEqual([
      {
        type: 'publish_policy',
        kind: 'promoted',
        policy: promoted,
        reason: 'canary 2 passed all 4 steps and was promoted to champion',
      },
      { type: 'set_alias', alias: 'champion', version: 2 },
    ]);
  });
});

describe('applyRolloutEvent: rollbacks', () => {
  const rollbackEffects = (reason: string) => [
    { type: 'publish_policy', kind: 'rolled_back', policy: PLAN.baseline, reason },
    { type: 'set_alias', alias: 'champion', version: 1 },
  ];

  it('rolls back during the window on a failed analysis, cancelling the pending timer', () => {
    const [, failed] = run([
      { type: 'start', atMs: 0 },
      { type: 'analysis_failed', stepIndex: 0, reason: 'error rate 4% > 1%', atMs: 500 },
    ]);
    expect(failed!.state).toEqual({
      status: 'rolled_back',
      atMs: 500,
      stepIndex: 0,
      reason: 'analysis failed: error rate 4% > 1%',
    });
    expect(failed!.policy).toEqual(PLAN.baseline);
    expect(failed!.effects).toEqual([
      { type: 'cancel_step_timer', stepIndex: 0 },
      ...rollbackEffects('rollback of canary 2 at step 1/4 (5%): analysis failed: error rate 4% > 1%'),
    ]);
  });

  it('rolls back after the window on a failed analysis without cancelling a timer that already fired', () => {
    const transitions = run([
      { type: 'start', atMs: 0 },
      ...passStep(0, 0),
      { type: 'step_timer', stepIndex: 1, atMs: 2 * WINDOW + 10 },
      { type: 'analysis_failed', stepIndex: 1, reason: 'p99 latency', atMs: 2 * WINDOW + 20 },
    ]);
    expect(transitions.at(-1)!.effects).toEqual(
      rollbackEffects('rollback of canary 2 at step 2/4 (25%): analysis failed: p99 latency'),
    );
  });

  it('rolls back on rollback_requested for this canary, restoring weight 0 and the champion alias', () => {
    const [, rolledBack] = run([
      { type: 'start', atMs: 0 },
      { type: 'rollback_requested', canaryVersion: 2, reason: 'operator', atMs: 100 },
    ]);
    expect(rolledBack!.state).toMatchObject({ status: 'rolled_back', reason: 'requested: operator' });
    expect(rolledBack!.policy.canary).toBeUndefined();
    expect(rolledBack!.effects.slice(1)).toEqual(
      rollbackEffects('rollback of canary 2 at step 1/4 (5%): requested: operator'),
    );
  });

  it('rejects rollback_requested naming another version (the command is stale)', () => {
    expect(() =>
      run([
        { type: 'start', atMs: 0 },
        { type: 'rollback_requested', canaryVersion: 7, reason: 'old alert', atMs: 100 },
      ]),
    ).toThrow(
      "cannot apply rollback_requested to a progressing (step index 0, observing) rollout: it names canary 7 but this rollout's canary is 2",
    );
  });
});

describe('applyRolloutEvent: insufficient evidence', () => {
  const untilAnalysis: RolloutEvent[] = [
    { type: 'start', atMs: 0 },
    { type: 'step_timer', stepIndex: 0, atMs: WINDOW },
  ];

  it('extends the window by a full analysis window when too few canary requests were seen', () => {
    const transitions = run([
      ...untilAnalysis,
      { type: 'analysis_passed', stepIndex: 0, canaryRequests: 40, atMs: WINDOW + 5 },
    ]);
    const extended = transitions.at(-1)!;
    expect(extended.state).toEqual({
      status: 'progressing',
      stepIndex: 0,
      phase: 'observing',
      stepStartedAtMs: 0,
      windowEndsAtMs: 2 * WINDOW + 5,
      windowExtensions: 1,
    });
    expect(extended.effects).toEqual([
      { type: 'schedule_step_timer', stepIndex: 0, fireAtMs: 2 * WINDOW + 5 },
    ]);
    expect(extended.description).toBe(
      'step 1/4 (5%) window extended (1/2): 40 canary requests, fewer than the 100 required',
    );
  });

  it('analyses the whole step since it started after an extension', () => {
    const transitions = run([
      ...untilAnalysis,
      { type: 'analysis_inconclusive', stepIndex: 0, reason: 'no labels yet', atMs: WINDOW + 5 },
      { type: 'step_timer', stepIndex: 0, atMs: 2 * WINDOW + 5 },
    ]);
    expect(transitions.at(-1)!.effects[0]).toMatchObject({
      type: 'run_analysis',
      windowStartMs: 0,
      windowEndMs: 2 * WINDOW + 5,
    });
  });

  it('rolls back once the extensions run out rather than promote an unproven canary', () => {
    const inconclusive = (atMs: number): RolloutEvent => ({
      type: 'analysis_inconclusive',
      stepIndex: 0,
      reason: 'quiet model',
      atMs,
    });
    const transitions = run([
      ...untilAnalysis,
      inconclusive(WINDOW + 1),
      { type: 'step_timer', stepIndex: 0, atMs: 2 * WINDOW + 1 },
      inconclusive(2 * WINDOW + 2),
      { type: 'step_timer', stepIndex: 0, atMs: 3 * WINDOW + 2 },
      inconclusive(3 * WINDOW + 3),
    ]);
    expect(transitions.at(-1)!.state).toEqual({
      status: 'rolled_back',
      atMs: 3 * WINDOW + 3,
      stepIndex: 0,
      reason: 'insufficient evidence after 2 window extensions: quiet model',
    });
    expect(transitions.at(-1)!.effects.map((e) => e.type)).toEqual(['publish_policy', 'set_alias']);
  });

  it('rolls back at the first inconclusive verdict when no extensions are allowed', () => {
    const plan = { ...PLAN, maxWindowExtensions: 0 };
    const transitions = run(
      [...untilAnalysis, { type: 'analysis_inconclusive', stepIndex: 0, reason: 'quiet', atMs: WINDOW + 1 }],
      plan,
    );
    expect(transitions.at(-1)!.state.status).toBe('rolled_back');
  });
});

describe('applyRolloutEvent: rejected events', () => {
  it('rejects a timer that fires before the window ends', () => {
    expect(() =>
      run([
        { type: 'start', atMs: 0 },
        { type: 'step_timer', stepIndex: 0, atMs: WINDOW - 1 },
      ]),
    ).toThrow(`the analysis window ends at ${WINDOW}, the timer fired early at ${WINDOW - 1}`);
  });

  it('rejects a verdict for an earlier step as stale, so it cannot promote the wrong share', () => {
    const events: RolloutEvent[] = [
      { type: 'start', atMs: 0 },
      ...passStep(0, 0),
      { type: 'step_timer', stepIndex: 1, atMs: 2 * WINDOW + 10 },
      { type: 'analysis_passed', stepIndex: 0, canaryRequests: 500, atMs: 2 * WINDOW + 20 },
    ];
    expect(() => run(events)).toThrow(
      'the event is for step index 0 but the rollout is at step index 1 (stale)',
    );
  });

  it('carries the unchanged state and the event on the error', () => {
    const state: RolloutState = { status: 'promoted', atMs: 5 };
    const event: RolloutEvent = { type: 'start', atMs: 6 };
    try {
      applyRolloutEvent(PLAN, state, event);
      throw new Error('expected a RolloutTransitionError');
    } catch (error) {
      expect(error).toBeInstanceOf(RolloutTransitionError);
      expect(error).toMatchObject({
        state,
        event,
        message: 'cannot apply start to a promoted rollout: the rollout already ended (promoted)',
      });
    }
  });

  it('rejects an event time that is not a finite number', () => {
    expect(() => run([{ type: 'start', atMs: Number.NaN }])).toThrow(
      'atMs must be a finite epoch time, got NaN',
    );
  });

  it('rejects a persisted state whose step does not exist in the plan', () => {
    const state: RolloutState = {
      status: 'progressing',
      stepIndex: 4,
      phase: 'observing',
      stepStartedAtMs: 0,
      windowEndsAtMs: 1,
      windowExtensions: 0,
    };
    expect(() => applyRolloutEvent(PLAN, state, { type: 'step_timer', stepIndex: 4, atMs: 5 })).toThrow(
      "the state's step index is outside the plan's 4 steps",
    );
  });

  it('refuses to run an invalid plan', () => {
    expect(() =>
      applyRolloutEvent({ ...PLAN, steps: [] }, INITIAL_ROLLOUT_STATE, { type: 'start', atMs: 0 }),
    ).toThrow(RolloutPlanError);
  });
});

describe('policyForRolloutState', () => {
  it.each<[string, RolloutState, unknown]>([
    ['pending', { status: 'pending' }, PLAN.baseline],
    ['aborted', { status: 'aborted', atMs: 1, reason: 'x' }, PLAN.baseline],
    ['rolled back', { status: 'rolled_back', atMs: 1, stepIndex: 2, reason: 'x' }, PLAN.baseline],
    [
      'progressing at step 3',
      {
        status: 'progressing',
        stepIndex: 2,
        phase: 'analysing',
        stepStartedAtMs: 0,
        windowEndsAtMs: 1,
        windowExtensions: 0,
      },
      canaryPolicy(50),
    ],
    ['promoted', { status: 'promoted', atMs: 1 }, { ...PLAN.baseline, championVersion: 2 }],
  ])('gives the policy to republish for a %s rollout', (_name, state, expected) => {
    expect(policyForRolloutState(PLAN, state)).toEqual(expected);
  });
});
