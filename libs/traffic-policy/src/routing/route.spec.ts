import fc from 'fast-check';
import { TrafficPolicyError } from '../errors';
import { TrafficPolicy } from '../policy/traffic-policy';
import { stickyBucket } from './buckets';
import { route } from './route';

const CHAMPION = 1;
const CANARY = 2;
const SHADOW = 3;

/** A share in percent with basis-point resolution, biased towards the edges 0 and 100. */
const percent = fc.oneof(
  fc.constantFrom(0, 100),
  fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
);

const policyArb: fc.Arbitrary<TrafficPolicy> = fc.record(
  {
    championVersion: fc.constant(CHAMPION),
    canary: fc.record({ version: fc.constant(CANARY), weightPercent: percent }),
    shadow: fc.record(
      { version: fc.constant(SHADOW), samplePercent: percent },
      { requiredKeys: ['version'] },
    ),
  },
  { requiredKeys: ['championVersion'] },
);

const noRandom = (): number => {
  throw new Error('random() must not be called for a sticky request');
};

/** A random source that replays `draws` and counts how many it handed out. */
function scripted(draws: number[]): { random: () => number; calls: () => number } {
  let calls = 0;
  return { random: () => draws[calls++] ?? 0, calls: () => calls };
}

const withCanary = (weightPercent: number): TrafficPolicy => ({
  championVersion: CHAMPION,
  canary: { version: CANARY, weightPercent },
});

describe('route', () => {
  it('sends everything to the champion when the policy has no canary', () => {
    expect(route({ championVersion: 7 }, { random: () => 0 })).toEqual({
      primary: { version: 7, variant: 'champion' },
    });
  });

  it('sends a request to the canary exactly when its draw falls below the weight', () => {
    expect(route(withCanary(25), { random: () => 0.2499 }).primary).toEqual({
      version: CANARY,
      variant: 'canary',
    });
    expect(route(withCanary(25), { random: () => 0.25 }).primary).toEqual({
      version: CHAMPION,
      variant: 'champion',
    });
  });

  it('routes a fractional weight at basis-point resolution (0.5% = buckets 0-49)', () => {
    expect(route(withCanary(0.5), { random: () => 0.0049 }).primary.variant).toBe('canary');
    expect(route(withCanary(0.5), { random: () => 0.005 }).primary.variant).toBe('champion');
  });

  it('routes an empty sticky key like an absent one (by the random draw)', () => {
    const draws = scripted([0.01]);
    expect(route(withCanary(5), { stickyKey: '', random: draws.random }).primary.variant).toBe('canary');
    expect(draws.calls()).toBe(1);
  });

  it('pins a sticky key to the variant of its bucket', () => {
    const key = 'user-42';
    const bucket = stickyBucket(key);
    const justAbove = (bucket + 1) / 100;
    const atBucket = bucket / 100;
    expect(route(withCanary(justAbove), { stickyKey: key, random: noRandom }).primary.variant).toBe('canary');
    expect(route(withCanary(atBucket), { stickyKey: key, random: noRandom }).primary.variant).toBe(
      'champion',
    );
  });

  it('mirrors to the shadow as well as answering from the champion', () => {
    expect(route({ championVersion: CHAMPION, shadow: { version: SHADOW } }, { random: noRandom })).toEqual({
      primary: { version: CHAMPION, variant: 'champion' },
      shadow: { version: SHADOW },
    });
  });

  it('samples the shadow with its own draw after the canary draw', () => {
    const policy: TrafficPolicy = { ...withCanary(50), shadow: { version: SHADOW, samplePercent: 10 } };
    const draws = scripted([0.9, 0.05]);
    expect(route(policy, { random: draws.random })).toEqual({
      primary: { version: CHAMPION, variant: 'champion' },
      shadow: { version: SHADOW },
    });
    expect(draws.calls()).toBe(2);
  });

  it('refuses to route with an invalid policy, naming the defect', () => {
    expect(() => route(withCanary(150), { random: () => 0 })).toThrow(TrafficPolicyError);
    expect(() =>
      route(
        { championVersion: CHAMPION, canary: { version: CHAMPION, weightPercent: 5 } },
        { random: () => 0 },
      ),
    ).toThrow('canary.version: equals championVersion 1');
  });

  it('treats canary: null and shadow: null (as decoded from JSON) as absent', () => {
    const decoded = JSON.parse('{"championVersion": 4, "canary": null, "shadow": null}') as TrafficPolicy;
    expect(route(decoded, { random: () => 0 })).toEqual({ primary: { version: 4, variant: 'champion' } });
  });

  it('refuses a random source that leaves [0, 1)', () => {
    expect(() => route(withCanary(5), { random: () => 1 })).toThrow(
      'random() must return a number in [0, 1), got 1',
    );
  });
});

describe('route properties', () => {
  it('is deterministic for a sticky key and never consults random', () => {
    fc.assert(
      fc.property(policyArb, fc.string({ minLength: 1 }), (policy, stickyKey) => {
        expect(route(policy, { stickyKey, random: noRandom })).toEqual(
          route(policy, { stickyKey, random: noRandom }),
        );
      }),
    );
  });

  it('is monotonic: raising the canary weight only moves keys from champion to canary', () => {
    fc.assert(
      fc.property(percent, percent, fc.string({ minLength: 1 }), (a, b, stickyKey) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const before = route(withCanary(low), { stickyKey, random: noRandom }).primary.variant;
        const after = route(withCanary(high), { stickyKey, random: noRandom }).primary.variant;
        expect(before === 'canary' && after === 'champion').toBe(false);
      }),
    );
  });

  it('keeps a key on the canary while the weight stays above its bucket, whatever the weight', () => {
    fc.assert(
      fc.property(percent, fc.string({ minLength: 1 }), (weight, stickyKey) => {
        const expected = stickyBucket(stickyKey) < Math.round(weight * 100) ? 'canary' : 'champion';
        expect(route(withCanary(weight), { stickyKey, random: noRandom }).primary.variant).toBe(expected);
      }),
    );
  });

  it('never sends anything to a canary at weight 0, and everything at weight 100', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (stickyKey, draw) => {
          expect(route(withCanary(0), { stickyKey, random: () => draw }).primary.variant).toBe('champion');
          expect(route(withCanary(100), { stickyKey, random: () => draw }).primary.variant).toBe('canary');
        },
      ),
    );
  });

  it('never returns the shadow as the primary, and mirrors at sample 100 always and at 0 never', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.option(fc.string(), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (policy, stickyKey, draw) => {
          const decision = route(policy, { stickyKey, random: () => draw });
          expect(decision.primary.version).not.toBe(SHADOW);
          const sample = policy.shadow?.samplePercent ?? 100;
          if (!policy.shadow || sample === 0) expect(decision.shadow).toBeUndefined();
          else if (sample === 100) expect(decision.shadow).toEqual({ version: SHADOW });
        },
      ),
    );
  });

  it('answers from the champion version exactly when the variant is champion', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (policy, draw) => {
          const { primary } = route(policy, { random: () => draw });
          expect(primary.version).toBe(primary.variant === 'champion' ? CHAMPION : CANARY);
        },
      ),
    );
  });

  it('splits 20 000 distinct sticky keys within 5 standard deviations of the weight', () => {
    fc.assert(
      fc.property(percent, fc.string({ maxLength: 8 }), (weight, prefix) => {
        const n = 20_000;
        let canary = 0;
        for (let i = 0; i < n; i++) {
          if (
            route(withCanary(weight), { stickyKey: `${prefix}:${i}`, random: noRandom }).primary.variant ===
            'canary'
          )
            canary += 1;
        }
        const p = weight / 100;
        const tolerance = 5 * Math.sqrt((p * (1 - p)) / n) + 1e-9;
        expect(Math.abs(canary / n - p)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 15 },
    );
  });

  it('splits 20 000 random draws within 5 standard deviations of the weight', () => {
    fc.assert(
      fc.property(percent, fc.integer(), (weight, seed) => {
        const random = mulberry32(seed);
        const n = 20_000;
        let canary = 0;
        for (let i = 0; i < n; i++)
          if (route(withCanary(weight), { random }).primary.variant === 'canary') canary += 1;
        const p = weight / 100;
        expect(Math.abs(canary / n - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / n) + 1e-9);
      }),
      { numRuns: 15 },
    );
  });
});

/** A small seeded PRNG, so the random-split property is reproducible from fast-check's seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
