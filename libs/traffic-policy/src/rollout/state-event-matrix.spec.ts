import { PLAN } from '../../test/rollout-fixtures';
import { applyRolloutEvent } from './apply-rollout-event';
import { policyForRolloutState } from './rollout-policy';
import { RolloutEffect, RolloutEvent, RolloutEventType, RolloutState, RolloutStatus } from './rollout-state';
import { RolloutTransitionError } from './rollout-transition-error';

const T = 1_000_000;
const LAST = PLAN.steps.length - 1;

const progressing = (
  stepIndex: number,
  phase: 'observing' | 'analysing',
  windowExtensions = 0,
): RolloutState => ({
  status: 'progressing',
  stepIndex,
  phase,
  stepStartedAtMs: T - 60_000,
  windowEndsAtMs: T,
  windowExtensions,
});

const STATES = {
  pending: { status: 'pending' },
  'observing the first step': progressing(0, 'observing'),
  'observing the last step': progressing(LAST, 'observing'),
  'analysing the first step': progressing(0, 'analysing'),
  'analysing the last step': progressing(LAST, 'analysing'),
  'analysing with extensions used up': progressing(1, 'analysing', 2),
  promoted: { status: 'promoted', atMs: T - 1 },
  rolled_back: { status: 'rolled_back', atMs: T - 1, stepIndex: 1, reason: 'x' },
  aborted: { status: 'aborted', atMs: T - 1, reason: 'x' },
} satisfies Record<string, RolloutState>;

type StateName = keyof typeof STATES;

/** The event of each type aimed at the state's current step, at the end of its window. */
function eventFor(type: RolloutEventType, state: RolloutState): RolloutEvent {
  const stepIndex = state.status === 'progressing' ? state.stepIndex : 0;
  switch (type) {
    case 'start':
      return { type, atMs: T };
    case 'step_timer':
      return { type, stepIndex, atMs: T };
    case 'analysis_passed':
      return { type, stepIndex, canaryRequests: 1000, atMs: T };
    case 'analysis_inconclusive':
      return { type, stepIndex, reason: 'not enough labels', atMs: T };
    case 'analysis_failed':
      return { type, stepIndex, reason: 'error rate', atMs: T };
    case 'rollback_requested':
      return { type, canaryVersion: PLAN.canaryVersion, reason: 'operator', atMs: T };
    case 'abort':
      return { type, reason: 'operator', atMs: T };
  }
}

type Outcome = 'rejected' | [RolloutStatus, Partial<RolloutState>, RolloutEffect['type'][]];

const REJECTED_ALWAYS: Record<RolloutEventType, Outcome> = {
  start: 'rejected',
  step_timer: 'rejected',
  analysis_passed: 'rejected',
  analysis_inconclusive: 'rejected',
  analysis_failed: 'rejected',
  rollback_requested: 'rejected',
  abort: 'rejected',
};
const ROLLED_BACK_OBSERVING: Outcome = [
  'rolled_back',
  {},
  ['cancel_step_timer', 'publish_policy', 'set_alias'],
];
const ROLLED_BACK_ANALYSING: Outcome = ['rolled_back', {}, ['publish_policy', 'set_alias']];
const OBSERVING: Record<RolloutEventType, Outcome> = {
  start: 'rejected',
  step_timer: ['progressing', { phase: 'analysing' }, ['run_analysis']],
  analysis_passed: 'rejected',
  analysis_inconclusive: 'rejected',
  analysis_failed: ROLLED_BACK_OBSERVING,
  rollback_requested: ROLLED_BACK_OBSERVING,
  abort: 'rejected',
};
const EXTENDED: Outcome = [
  'progressing',
  { phase: 'observing', windowExtensions: 1 },
  ['schedule_step_timer'],
];

/** Every state × every event type: the resulting status, state fields and effect types, or a rejection. */
const EXPECTED: Record<StateName, Record<RolloutEventType, Outcome>> = {
  pending: {
    ...REJECTED_ALWAYS,
    start: ['progressing', { stepIndex: 0, phase: 'observing' }, ['publish_policy', 'schedule_step_timer']],
    rollback_requested: ['aborted', {}, []],
    abort: ['aborted', {}, []],
  },
  'observing the first step': OBSERVING,
  'observing the last step': OBSERVING,
  'analysing the first step': {
    ...REJECTED_ALWAYS,
    analysis_passed: [
      'progressing',
      { stepIndex: 1, phase: 'observing' },
      ['publish_policy', 'schedule_step_timer'],
    ],
    analysis_inconclusive: EXTENDED,
    analysis_failed: ROLLED_BACK_ANALYSING,
    rollback_requested: ROLLED_BACK_ANALYSING,
  },
  'analysing the last step': {
    ...REJECTED_ALWAYS,
    analysis_passed: ['promoted', {}, ['publish_policy', 'set_alias']],
    analysis_inconclusive: EXTENDED,
    analysis_failed: ROLLED_BACK_ANALYSING,
    rollback_requested: ROLLED_BACK_ANALYSING,
  },
  'analysing with extensions used up': {
    ...REJECTED_ALWAYS,
    analysis_passed: [
      'progressing',
      { stepIndex: 2, phase: 'observing', windowExtensions: 0 },
      ['publish_policy', 'schedule_step_timer'],
    ],
    analysis_inconclusive: ROLLED_BACK_ANALYSING,
    analysis_failed: ROLLED_BACK_ANALYSING,
    rollback_requested: ROLLED_BACK_ANALYSING,
  },
  promoted: REJECTED_ALWAYS,
  rolled_back: REJECTED_ALWAYS,
  aborted: REJECTED_ALWAYS,
};

const EVENT_TYPES = Object.keys(REJECTED_ALWAYS) as RolloutEventType[];
const CASES = (Object.keys(STATES) as StateName[]).flatMap((name) =>
  EVENT_TYPES.map((type) => [name, type, EXPECTED[name][type]] as const),
);

/** Freezing proves the machine never mutates its inputs, whether it accepts or rejects. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
deepFreeze(PLAN);

describe('rollout state × event matrix', () => {
  it('covers every state with every event type', () => {
    expect(CASES).toHaveLength(Object.keys(STATES).length * 7);
  });

  it.each(CASES)('%s + %s', (stateName, type, outcome) => {
    const state = deepFreeze<RolloutState>(structuredClone(STATES[stateName]));
    const event = deepFreeze(eventFor(type, state));
    if (outcome === 'rejected') {
      expect(() => applyRolloutEvent(PLAN, state, event)).toThrow(RolloutTransitionError);
      return;
    }
    const [status, fields, effectTypes] = outcome;
    const transition = applyRolloutEvent(PLAN, state, event);
    expect(transition.state).toMatchObject({ status, ...fields });
    expect(transition.effects.map((e) => e.type)).toEqual(effectTypes);
    expect(transition.policy).toEqual(policyForRolloutState(PLAN, transition.state));
    expect(transition.description).toMatch(/\S/);
  });
});

describe('stale and foreign events in every progressing state', () => {
  const progressingStates = (Object.keys(STATES) as StateName[]).filter(
    (n) => STATES[n].status === 'progressing',
  );
  const stepScoped: RolloutEventType[] = [
    'step_timer',
    'analysis_passed',
    'analysis_inconclusive',
    'analysis_failed',
  ];

  it.each(progressingStates.flatMap((name) => stepScoped.map((type) => [name, type] as const)))(
    '%s rejects %s for another step as stale',
    (name, type) => {
      const state = STATES[name];
      const event = eventFor(type, state) as RolloutEvent & { stepIndex: number };
      const other = { ...event, stepIndex: event.stepIndex === 0 ? 1 : event.stepIndex - 1 };
      expect(() => applyRolloutEvent(PLAN, state, other)).toThrow(/\(stale\)$/);
    },
  );

  it.each(Object.keys(STATES) as StateName[])(
    '%s rejects rollback_requested for another canary version',
    (name) => {
      const event: RolloutEvent = { type: 'rollback_requested', canaryVersion: 99, reason: 'x', atMs: T };
      expect(() => applyRolloutEvent(PLAN, STATES[name], event)).toThrow(
        "it names canary 99 but this rollout's canary is 2",
      );
    },
  );
});
