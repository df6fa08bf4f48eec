import fc from 'fast-check';
import { MetricDirection, MetricGate, QualityGateConfig } from '../config/gate-config';
import { parseGateConfig } from '../config/parse-gate-config';
import { evaluateGates } from './evaluate-gates';
import { EvaluationSnapshot } from './snapshot';

const METRICS = ['m0', 'm1', 'm2', 'm3'];
const value = fc.double({ min: -1000, max: 1000, noNaN: true });
const amount = fc.double({ min: 0, max: 100, noNaN: true });

/** A metric gate with its bound on the bad side, as the config validator guarantees. */
const gateArb = (metric: string): fc.Arbitrary<MetricGate> =>
  fc
    .record({
      direction: fc.constantFrom<MetricDirection>('higher_is_better', 'lower_is_better'),
      bound: fc.option(value, { nil: undefined }),
      delta: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: undefined }),
    })
    .map(({ direction, bound, delta }) => {
      const gate: MetricGate = { metric, direction };
      if (bound !== undefined) gate[direction === 'higher_is_better' ? 'min' : 'max'] = bound;
      gate.minDeltaVsChampion = delta ?? (bound === undefined ? 0 : undefined);
      if (gate.minDeltaVsChampion === undefined) delete gate.minDeltaVsChampion;
      return gate;
    });

const configArb: fc.Arbitrary<QualityGateConfig> = fc
  .tuple(fc.tuple(...METRICS.map(gateArb)), fc.constantFrom<'skip' | 'fail'>('skip', 'fail'))
  .map(([metrics, onMissingChampion]) => ({ version: '1', metrics, slices: [], onMissingChampion }));

/** Values for every metric, some missing or NaN so those paths are exercised too. */
const snapshotArb: fc.Arbitrary<EvaluationSnapshot> = fc
  .tuple(
    ...METRICS.map(() =>
      fc.oneof({ arbitrary: value, weight: 8 }, fc.constant(undefined), fc.constant(Number.NaN)),
    ),
  )
  .map((values) => ({ metrics: Object.fromEntries(METRICS.map((m, i) => [m, values[i]])) }));

/** `snapshot` with `metric` moved by `by` in the better (sign 1) or worse (sign −1) direction. */
function shift(snapshot: EvaluationSnapshot, gate: MetricGate, by: number, sign: 1 | -1): EvaluationSnapshot {
  const current = snapshot.metrics[gate.metric];
  if (typeof current !== 'number') return snapshot;
  const better = gate.direction === 'higher_is_better' ? 1 : -1;
  return { ...snapshot, metrics: { ...snapshot.metrics, [gate.metric]: current + better * sign * by } };
}

const neverPassToFail = (
  before: ReturnType<typeof evaluateGates>,
  after: ReturnType<typeof evaluateGates>,
): void => {
  before.checks.forEach((check, i) => {
    if (check.passed) expect(after.checks[i]).toMatchObject({ passed: true });
  });
  if (before.passed) expect(after.passed).toBe(true);
};

describe('gate evaluation properties', () => {
  it('is monotonic in the candidate: improving a metric never turns a pass into a fail', () => {
    fc.assert(
      fc.property(
        configArb,
        snapshotArb,
        fc.option(snapshotArb, { nil: undefined }),
        fc.nat({ max: 3 }),
        amount,
        (config, candidate, champion, i, by) => {
          const gate = config.metrics[i]!;
          neverPassToFail(
            evaluateGates(config, candidate, champion),
            evaluateGates(config, shift(candidate, gate, by, 1), champion),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the champion: a worse champion never turns a pass into a fail', () => {
    fc.assert(
      fc.property(
        configArb,
        snapshotArb,
        snapshotArb,
        fc.nat({ max: 3 }),
        amount,
        (config, candidate, champion, i, by) => {
          const gate = config.metrics[i]!;
          neverPassToFail(
            evaluateGates(config, candidate, champion),
            evaluateGates(config, candidate, shift(champion, gate, by, -1)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports one check per configured bound and delta, consistent with the overall verdict', () => {
    fc.assert(
      fc.property(
        configArb,
        snapshotArb,
        fc.option(snapshotArb, { nil: undefined }),
        (config, candidate, champion) => {
          const report = evaluateGates(config, candidate, champion);
          const expected = config.metrics.reduce(
            (n, g) => n + [g.min, g.max, g.minDeltaVsChampion].filter((x) => x !== undefined).length,
            0,
          );
          expect(report.checks).toHaveLength(expected);
          expect(report.passed).toBe(report.checks.every((c) => c.outcome !== 'failed'));
          for (const check of report.checks) {
            expect(check.passed).toBe(check.outcome !== 'failed');
            expect(check.explanation).toContain(
              check.gate === 'min_delta_vs_champion' && champion === undefined ? 'champion' : check.metric,
            );
          }
        },
      ),
    );
  });

  it('never passes a check on a missing or NaN candidate metric', () => {
    fc.assert(
      fc.property(configArb, snapshotArb, snapshotArb, (config, candidate, champion) => {
        for (const check of evaluateGates(config, candidate, champion).checks) {
          const raw = candidate.metrics[check.metric];
          if (typeof raw !== 'number' || Number.isNaN(raw)) expect(check.outcome).toBe('failed');
        }
      }),
    );
  });

  it('without a champion, skips exactly the delta gates under skip and fails them under fail', () => {
    fc.assert(
      fc.property(configArb, snapshotArb, (config, candidate) => {
        for (const check of evaluateGates(config, candidate).checks) {
          if (check.gate !== 'min_delta_vs_champion') expect(check.outcome).not.toBe('skipped');
          else if (check.candidateValue !== null)
            expect(check.outcome).toBe(config.onMissingChampion === 'skip' ? 'skipped' : 'failed');
        }
      }),
    );
  });

  it('evaluates the compact spelling of a config exactly like the explicit one', () => {
    const metric = fc.constantFrom('auc_roc', 'log_loss', 'latency_p99_ms', 'f1');
    fc.assert(
      fc.property(
        metric,
        value,
        fc.double({ min: -1, max: 1, noNaN: true }),
        snapshotArb,
        snapshotArb,
        (name, bound, delta, c, ch) => {
          const compact = parseGateConfig({
            version: 1,
            metrics: { [name]: bound, [`${name}_delta`]: delta },
          });
          const direction = compact.metrics[0]!.direction;
          const side = direction === 'higher_is_better' ? 'min' : 'max';
          const explicit = parseGateConfig({
            version: 1,
            metrics: { [name]: { direction, [side]: bound, min_delta_vs_champion: delta } },
          });
          const rename = (s: EvaluationSnapshot): EvaluationSnapshot => ({
            metrics: { [name]: s.metrics.m0 },
          });
          expect(evaluateGates(compact, rename(c), rename(ch))).toEqual(
            evaluateGates(explicit, rename(c), rename(ch)),
          );
        },
      ),
    );
  });
});

describe('slice disparity properties', () => {
  const slicesArb = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    { minKeys: 1, maxKeys: 8 },
  );
  const config = (maxDisparity: number): QualityGateConfig => ({
    version: '1',
    metrics: [],
    slices: [{ metric: 'auc', maxDisparity }],
    onMissingChampion: 'skip',
  });
  const snapshot = (values: Record<string, number>): EvaluationSnapshot => ({
    metrics: {},
    slices: Object.fromEntries(Object.entries(values).map(([slice, v]) => [slice, { auc: v }])),
  });

  it('measures the spread highest − lowest and passes exactly when it is within the limit', () => {
    fc.assert(
      fc.property(slicesArb, fc.double({ min: 0, max: 1, noNaN: true }), (values, limit) => {
        const [check] = evaluateGates(config(limit), snapshot(values)).checks;
        const spread = Math.max(...Object.values(values)) - Math.min(...Object.values(values));
        expect(check!.observed).toBe(spread);
        expect(check!.passed).toBe(spread <= limit + 1e-9);
      }),
    );
  });

  it('does not change its verdict when a slice inside the current range is added', () => {
    fc.assert(
      fc.property(
        slicesArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, limit, t) => {
          const lo = Math.min(...Object.values(values));
          const hi = Math.max(...Object.values(values));
          const inside = { ...values, ['\u0000added']: Math.min(hi, lo + t * (hi - lo)) };
          expect(evaluateGates(config(limit), snapshot(inside)).passed).toBe(
            evaluateGates(config(limit), snapshot(values)).passed,
          );
        },
      ),
    );
  });
});
