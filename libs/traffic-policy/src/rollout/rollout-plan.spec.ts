import { RolloutPlanError } from '../errors';
import { PLAN } from '../../test/rollout-fixtures';
import { RolloutPlan, assertValidRolloutPlan, validateRolloutPlan } from './rollout-plan';

const plan = (overrides: Record<string, unknown>): RolloutPlan => ({ ...PLAN, ...overrides });
const step = (weightPercent: number) => ({ weightPercent, analysisWindowMs: 1000, minRequests: 0 });

describe('validateRolloutPlan', () => {
  it('accepts the usual 5/25/50/100 plan', () => {
    expect(validateRolloutPlan(PLAN)).toEqual([]);
  });

  it('accepts a plan that promotes after a partial share and has no extension limit set', () => {
    expect(
      validateRolloutPlan(plan({ steps: [step(0.5), step(10)], maxWindowExtensions: undefined })),
    ).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    ['no steps', { steps: [] }, [{ path: 'steps', message: 'must list at least one step' }]],
    [
      'steps that are not a list',
      { steps: 'fast' },
      [{ path: 'steps', message: 'must list at least one step' }],
    ],
    [
      'a step at 0 percent',
      { steps: [step(0), step(50)] },
      [{ path: 'steps[0].weightPercent', message: 'must be above 0 and at most 100 percent, got 0' }],
    ],
    [
      'a step above 100 percent',
      { steps: [step(50), step(150)] },
      [{ path: 'steps[1].weightPercent', message: 'must be above 0 and at most 100 percent, got 150' }],
    ],
    [
      'weights that do not increase',
      { steps: [step(25), step(25)] },
      [{ path: 'steps[1].weightPercent', message: "must exceed the previous step's 25, got 25" }],
    ],
    [
      'an empty analysis window',
      { steps: [{ weightPercent: 5, analysisWindowMs: 0, minRequests: 0 }] },
      [{ path: 'steps[0].analysisWindowMs', message: 'must be an integer of at least 1, got 0' }],
    ],
    [
      'a fractional request minimum',
      { steps: [{ weightPercent: 5, analysisWindowMs: 10, minRequests: 2.5 }] },
      [{ path: 'steps[0].minRequests', message: 'must be an integer of at least 0, got 2.5' }],
    ],
    [
      'a canary equal to the champion',
      { canaryVersion: 1 },
      [{ path: 'canaryVersion', message: 'equals the baseline championVersion 1' }],
    ],
    [
      'a canary equal to the baseline shadow',
      { canaryVersion: 9 },
      [{ path: 'canaryVersion', message: 'equals the baseline shadow version 9' }],
    ],
    [
      'a baseline that already has a canary',
      { baseline: { championVersion: 1, canary: { version: 5, weightPercent: 10 } } },
      [
        {
          path: 'baseline.canary',
          message: 'must be absent: a rollout starts from a policy without a canary',
        },
      ],
    ],
    [
      'an invalid baseline',
      { baseline: { championVersion: 0 } },
      [{ path: 'baseline.championVersion', message: 'must be a positive integer registry version, got 0' }],
    ],
    [
      'a missing baseline',
      { baseline: undefined },
      [{ path: 'baseline', message: 'must be an object, got undefined' }],
    ],
    [
      'a negative extension limit',
      { maxWindowExtensions: -1 },
      [{ path: 'maxWindowExtensions', message: 'must be an integer of at least 0, got -1' }],
    ],
  ])('rejects %s, naming the field', (_name, overrides, expected) => {
    expect(validateRolloutPlan(plan(overrides))).toEqual(expected);
  });
});

describe('assertValidRolloutPlan', () => {
  it('throws a RolloutPlanError listing every problem', () => {
    const bad = plan({ canaryVersion: 0, steps: [] });
    expect(() => assertValidRolloutPlan(bad)).toThrow(RolloutPlanError);
    expect(() => assertValidRolloutPlan(bad)).toThrow(
      'invalid rollout plan: canaryVersion: must be a positive integer registry version, got 0; steps: must list at least one step',
    );
  });
});
