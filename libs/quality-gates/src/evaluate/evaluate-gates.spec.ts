import { parseGateConfig } from '../config/parse-gate-config';
import { GateInputError } from '../errors';
import { evaluateGates } from './evaluate-gates';
import { EvaluationSnapshot } from './snapshot';

// The shape a team would keep in gates.yaml next to its training pipeline.
const CONFIG = parseGateConfig({
  version: 7,
  metrics: { auc_roc: 0.87, auc_roc_delta: 0.005, log_loss: { direction: 'lower_is_better', max: 0.45 } },
  latency: { p95_ms: 30, p99_ms: 50 },
  slices: { metric: 'auc_roc', max_disparity: 0.05 },
});

const CHAMPION: EvaluationSnapshot = {
  metrics: { auc_roc: 0.88, log_loss: 0.41 },
  latency: { p95_ms: 22, p99_ms: 41 },
};

const good: EvaluationSnapshot = {
  metrics: { auc_roc: 0.891, log_loss: 0.39 },
  slices: { eu: { auc_roc: 0.9 }, us: { auc_roc: 0.885 } },
  latency: { p95_ms: 24, p99_ms: 44 },
};

describe('evaluateGates', () => {
  it('passes a candidate that meets every gate, explaining each check in config order', () => {
    const report = evaluateGates(CONFIG, good, CHAMPION);
    expect(report.passed).toBe(true);
    expect(report.configVersion).toBe('7');
    expect(report.summary).toBe('passed: 6 of 6 checks passed');
    expect(report.checks.map((c) => [c.metric, c.gate, c.outcome, c.explanation])).toEqual([
      ['auc_roc', 'min', 'passed', 'auc_roc 0.891 meets the minimum 0.87'],
      [
        'auc_roc',
        'min_delta_vs_champion',
        'passed',
        'auc_roc improved by 0.011 (champion 0.88, candidate 0.891), meeting the required improvement of at least 0.005 over the champion',
      ],
      ['log_loss', 'max', 'passed', 'log_loss 0.39 is within the maximum 0.45'],
      ['latency_p95_ms', 'max', 'passed', 'latency_p95_ms 24 is within the maximum 30'],
      ['latency_p99_ms', 'max', 'passed', 'latency_p99_ms 44 is within the maximum 50'],
      [
        'auc_roc',
        'max_slice_disparity',
        'passed',
        "auc_roc varies by 0.015 across 2 slices (highest 'eu' 0.9, lowest 'us' 0.885), within the maximum disparity 0.05",
      ],
    ]);
  });

  it('fails a candidate for each gate it misses and names them in the summary', () => {
    const report = evaluateGates(
      CONFIG,
      { ...good, metrics: { auc_roc: 0.861, log_loss: 0.39 }, latency: { p95_ms: 24, p99_ms: 62 } },
      CHAMPION,
    );
    expect(report.passed).toBe(false);
    expect(report.summary).toBe(
      'failed: 3 of 6 checks failed (auc_roc min, auc_roc min_delta_vs_champion, latency_p99_ms max)',
    );
    expect(report.checks.find((c) => c.metric === 'latency_p99_ms')).toEqual({
      gate: 'max',
      metric: 'latency_p99_ms',
      outcome: 'failed',
      passed: false,
      observed: 62,
      threshold: 50,
      explanation: 'latency_p99_ms 62 is above the maximum 50',
    });
  });

  it('skips the delta gates of a first model (no champion) by default and still passes', () => {
    const report = evaluateGates(CONFIG, good);
    expect(report.passed).toBe(true);
    expect(report.summary).toBe('passed: 5 of 6 checks passed; 1 skipped');
    expect(report.checks[1]).toMatchObject({
      gate: 'min_delta_vs_champion',
      outcome: 'skipped',
      passed: true,
    });
  });

  it('fails the delta gates without a champion when the config says on_missing_champion: fail', () => {
    const strict = parseGateConfig({
      version: 1,
      metrics: { auc_roc_delta: 0 },
      on_missing_champion: 'fail',
    });
    const report = evaluateGates(strict, good);
    expect(report.passed).toBe(false);
    expect(report.checks[0]!.explanation).toBe(
      'there is no champion to compare with, so the requirement of no regression against the champion fails (on_missing_champion: fail)',
    );
  });

  it('fails, with explanations, a candidate whose metrics are missing or NaN instead of throwing', () => {
    const report = evaluateGates(CONFIG, { metrics: { auc_roc: Number.NaN } }, CHAMPION);
    expect(report.passed).toBe(false);
    expect(report.checks.every((c) => c.outcome === 'failed')).toBe(true);
    expect(report.checks.map((c) => c.explanation)).toEqual([
      'auc_roc is NaN, not a finite number, so it cannot meet the minimum 0.87',
      'auc_roc is NaN in the candidate, so the required improvement of at least 0.005 over the champion cannot be checked',
      'log_loss is missing from the candidate, so it cannot meet the maximum 0.45',
      'latency_p95_ms is missing from the candidate, so it cannot meet the maximum 30',
      'latency_p99_ms is missing from the candidate, so it cannot meet the maximum 50',
      'the candidate has no evaluation slices, so the disparity of auc_roc against the maximum disparity 0.05 cannot be checked',
    ]);
  });

  it('reads latency given as metrics exactly like latency given in the latency section', () => {
    const asMetrics = {
      metrics: { ...good.metrics, latency_p95_ms: 24, latency_p99_ms: 44 },
      slices: good.slices,
    };
    expect(evaluateGates(CONFIG, asMetrics, CHAMPION)).toEqual(evaluateGates(CONFIG, good, CHAMPION));
  });

  it('throws GateInputError for a malformed candidate or champion', () => {
    expect(() => evaluateGates(CONFIG, { metrics: null } as unknown as EvaluationSnapshot)).toThrow(
      GateInputError,
    );
    expect(() => evaluateGates(CONFIG, good, 'v3' as unknown as EvaluationSnapshot)).toThrow(
      'the champion must be an object with a metrics object',
    );
  });
});
