import { TrafficPolicyError } from '../errors';
import { TrafficPolicy } from './traffic-policy';
import { assertValidTrafficPolicy, validateTrafficPolicy } from './validate-policy';

/** Builds a policy from loosely typed parts, as one decoded from JSON would be. */
const policy = (fields: Record<string, unknown>): TrafficPolicy => fields as unknown as TrafficPolicy;

describe('validateTrafficPolicy', () => {
  it.each<[string, TrafficPolicy]>([
    ['champion only', { championVersion: 1 }],
    ['champion plus a 5% canary', { championVersion: 1, canary: { version: 2, weightPercent: 5 } }],
    ['a canary at weight 0 (parked)', { championVersion: 1, canary: { version: 2, weightPercent: 0 } }],
    ['a 0.25% canary (basis points)', { championVersion: 1, canary: { version: 2, weightPercent: 0.25 } }],
    ['a shadow without a sample rate', { championVersion: 1, shadow: { version: 3 } }],
    [
      'canary, sampled shadow and sticky header together',
      {
        championVersion: 1,
        canary: { version: 2, weightPercent: 50 },
        shadow: { version: 3, samplePercent: 10 },
        stickyKeyHeader: 'x-user-id',
      },
    ],
  ])('accepts %s', (_name, valid) => {
    expect(validateTrafficPolicy(valid)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    ['a missing champion', {}, [{ path: 'championVersion', message: 'is required' }]],
    [
      'a zero champion version',
      { championVersion: 0 },
      [{ path: 'championVersion', message: 'must be a positive integer registry version, got 0' }],
    ],
    [
      'a fractional champion version',
      { championVersion: 1.5 },
      [{ path: 'championVersion', message: 'must be a positive integer registry version, got 1.5' }],
    ],
    [
      'a canary equal to the champion',
      { championVersion: 4, canary: { version: 4, weightPercent: 10 } },
      [{ path: 'canary.version', message: 'equals championVersion 4: a canary must be a different version' }],
    ],
    [
      'a canary weight above 100',
      { championVersion: 1, canary: { version: 2, weightPercent: 120 } },
      [{ path: 'canary.weightPercent', message: 'must be between 0 and 100 percent, got 120' }],
    ],
    [
      'a negative canary weight',
      { championVersion: 1, canary: { version: 2, weightPercent: -5 } },
      [{ path: 'canary.weightPercent', message: 'must be between 0 and 100 percent, got -5' }],
    ],
    [
      'a canary weight finer than a basis point',
      { championVersion: 1, canary: { version: 2, weightPercent: 12.345 } },
      [
        {
          path: 'canary.weightPercent',
          message: 'must be a multiple of 0.01 percent (one basis point), got 12.345',
        },
      ],
    ],
    [
      'a canary without a version',
      { championVersion: 1, canary: { weightPercent: 5 } },
      [{ path: 'canary.version', message: 'is required' }],
    ],
    [
      'a shadow equal to the champion',
      { championVersion: 1, shadow: { version: 1 } },
      [{ path: 'shadow.version', message: 'equals championVersion 1: a shadow must be a different version' }],
    ],
    [
      'a shadow equal to the canary',
      { championVersion: 1, canary: { version: 2, weightPercent: 5 }, shadow: { version: 2 } },
      [
        {
          path: 'shadow.version',
          message: 'equals canary.version 2: one version cannot be both canary and shadow',
        },
      ],
    ],
    [
      'a shadow sample rate out of range',
      { championVersion: 1, shadow: { version: 3, samplePercent: 101 } },
      [{ path: 'shadow.samplePercent', message: 'must be between 0 and 100 percent, got 101' }],
    ],
    [
      'a non-string sticky header',
      { championVersion: 1, stickyKeyHeader: 7 },
      [{ path: 'stickyKeyHeader', message: 'must be a string, got number' }],
    ],
  ])('rejects %s, naming the field', (_name, fields, expected) => {
    expect(validateTrafficPolicy(policy(fields))).toEqual(expected);
  });

  it('reports every defect at once rather than the first only', () => {
    const problems = validateTrafficPolicy(
      policy({ championVersion: -1, canary: { version: 'x', weightPercent: 200 }, shadow: { version: 0 } }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'championVersion',
      'canary.version',
      'canary.weightPercent',
      'shadow.version',
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(validateTrafficPolicy(policy(null as unknown as Record<string, unknown>))).toEqual([
      { path: '', message: 'must be an object, got null' },
    ]);
  });
});

describe('assertValidTrafficPolicy', () => {
  it('throws a TrafficPolicyError whose message and problems name each field', () => {
    const bad = policy({ championVersion: 1, canary: { version: 1, weightPercent: 101 } });
    expect(() => assertValidTrafficPolicy(bad)).toThrow(TrafficPolicyError);
    expect(() => assertValidTrafficPolicy(bad)).toThrow(
      'invalid traffic policy: canary.version: equals championVersion 1: a canary must be a different version; ' +
        'canary.weightPercent: must be between 0 and 100 percent, got 101',
    );
  });

  it('returns quietly for a valid policy', () => {
    expect(() => assertValidTrafficPolicy({ championVersion: 1 })).not.toThrow();
  });
});
