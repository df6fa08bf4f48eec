import { GateConfigError } from '../errors';
import { QualityGateConfig } from './gate-config';
import { parseGateConfig, validateGateConfig } from './parse-gate-config';

/** The problems of an invalid config (fails the test if it was valid). */
function problemsOf(input: unknown): { path: string; message: string }[] {
  const result = validateGateConfig(input);
  if (result.ok) throw new Error('expected the config to be invalid');
  return result.problems;
}

describe('parseGateConfig: the compact practitioner form', () => {
  it('reads thresholds, deltas and latency limits from bare numbers, with directions from the names', () => {
    expect(
      parseGateConfig({
        version: 3,
        metrics: { auc_roc: 0.87, auc_roc_delta: 0.005, log_loss: 0.4, latency_p99_ms: 50 },
      }),
    ).toEqual<QualityGateConfig>({
      version: '3',
      metrics: [
        { metric: 'auc_roc', direction: 'higher_is_better', min: 0.87, minDeltaVsChampion: 0.005 },
        { metric: 'log_loss', direction: 'lower_is_better', max: 0.4 },
        { metric: 'latency_p99_ms', direction: 'lower_is_better', max: 50 },
      ],
      slices: [],
      onMissingChampion: 'skip',
    });
  });

  it('accepts a delta alone, including a negative non-inferiority margin, on a lower-is-better metric', () => {
    expect(parseGateConfig({ version: '1', metrics: { rmse_delta: -0.01 } }).metrics).toEqual([
      { metric: 'rmse', direction: 'lower_is_better', minDeltaVsChampion: -0.01 },
    ]);
  });

  it('keeps config order even when the delta precedes its metric', () => {
    const { metrics } = parseGateConfig({
      version: '1',
      metrics: { f1_delta: 0.01, accuracy: 0.9, f1: 0.8 },
    });
    expect(metrics.map((m) => m.metric)).toEqual(['f1', 'accuracy']);
    expect(metrics[0]).toEqual({
      metric: 'f1',
      direction: 'higher_is_better',
      min: 0.8,
      minDeltaVsChampion: 0.01,
    });
  });
});

describe('parseGateConfig: the explicit form', () => {
  it('reads min, max and min_delta_vs_champion with the stated direction', () => {
    expect(
      parseGateConfig({
        version: '2024-06-01',
        metrics: {
          auc_roc: { direction: 'higher_is_better', min: 0.87, min_delta_vs_champion: 0.005 },
          calibration_gap: { direction: 'lower_is_better', max: 0.02 },
        },
        on_missing_champion: 'fail',
      }),
    ).toEqual<QualityGateConfig>({
      version: '2024-06-01',
      metrics: [
        { metric: 'auc_roc', direction: 'higher_is_better', min: 0.87, minDeltaVsChampion: 0.005 },
        { metric: 'calibration_gap', direction: 'lower_is_better', max: 0.02 },
      ],
      slices: [],
      onMissingChampion: 'fail',
    });
  });

  it('normalises the compact and the explicit spelling of the same gates identically', () => {
    const compact = parseGateConfig({
      version: 1,
      metrics: { auc_roc: 0.87, auc_roc_delta: 0.005, rmse: 3 },
    });
    const explicit = parseGateConfig({
      version: 1,
      metrics: {
        auc_roc: { direction: 'higher_is_better', min: 0.87, min_delta_vs_champion: 0.005 },
        rmse: { direction: 'lower_is_better', max: 3 },
      },
    });
    expect(compact).toEqual(explicit);
  });

  it('lets the explicit direction override the name (a metric the name rule gets wrong)', () => {
    expect(
      parseGateConfig({ version: 1, metrics: { time_saved: { direction: 'higher_is_better', min: 5 } } })
        .metrics,
    ).toEqual([{ metric: 'time_saved', direction: 'higher_is_better', min: 5 }]);
  });

  it('mixes an explicit entry with a compact delta for the same metric', () => {
    expect(
      parseGateConfig({
        version: 1,
        metrics: { ndcg: { direction: 'higher_is_better', min: 0.3 }, ndcg_delta: 0 },
      }).metrics,
    ).toEqual([{ metric: 'ndcg', direction: 'higher_is_better', min: 0.3, minDeltaVsChampion: 0 }]);
  });
});

describe('parseGateConfig: latency and slices sections', () => {
  it('turns latency limits into latency_<key> maximums', () => {
    expect(parseGateConfig({ version: 1, latency: { p95_ms: 30, p99_9_ms: 80 } }).metrics).toEqual([
      { metric: 'latency_p95_ms', direction: 'lower_is_better', max: 30 },
      { metric: 'latency_p99_9_ms', direction: 'lower_is_better', max: 80 },
    ]);
  });

  it('combines a latency limit with a compact latency delta', () => {
    expect(
      parseGateConfig({ version: 1, metrics: { latency_p99_ms_delta: -5 }, latency: { p99_ms: 50 } }).metrics,
    ).toEqual([{ metric: 'latency_p99_ms', direction: 'lower_is_better', max: 50, minDeltaVsChampion: -5 }]);
  });

  it('accepts one slice gate as an object or several as a list', () => {
    expect(
      parseGateConfig({ version: 1, slices: { metric: 'auc_roc', max_disparity: 0.05 } }).slices,
    ).toEqual([{ metric: 'auc_roc', maxDisparity: 0.05 }]);
    expect(
      parseGateConfig({
        version: 1,
        slices: [
          { metric: 'auc_roc', max_disparity: 0.05 },
          { metric: 'recall', max_disparity: 0.1 },
        ],
      }).slices,
    ).toEqual([
      { metric: 'auc_roc', maxDisparity: 0.05 },
      { metric: 'recall', maxDisparity: 0.1 },
    ]);
  });
});

describe('parseGateConfig: the README example', () => {
  it('normalises the mixed-form example documented in README.md', () => {
    expect(
      parseGateConfig({
        version: 7,
        metrics: {
          auc_roc: 0.87,
          auc_roc_delta: 0.005,
          latency_p99_ms: 50,
          log_loss: { direction: 'lower_is_better', max: 0.45, min_delta_vs_champion: -0.01 },
        },
        latency: { p95_ms: 30 },
        slices: { metric: 'auc_roc', max_disparity: 0.05 },
        on_missing_champion: 'skip',
      }),
    ).toEqual<QualityGateConfig>({
      version: '7',
      metrics: [
        { metric: 'auc_roc', direction: 'higher_is_better', min: 0.87, minDeltaVsChampion: 0.005 },
        { metric: 'latency_p99_ms', direction: 'lower_is_better', max: 50 },
        { metric: 'log_loss', direction: 'lower_is_better', max: 0.45, minDeltaVsChampion: -0.01 },
        { metric: 'latency_p95_ms', direction: 'lower_is_better', max: 30 },
      ],
      slices: [{ metric: 'auc_roc', maxDisparity: 0.05 }],
      onMissingChampion: 'skip',
    });
  });
});

describe('validateGateConfig: problems', () => {
  it.each<[string, unknown, { path: string; message: string }[]]>([
    [
      'a config that is not an object',
      'gates.yaml',
      [{ path: '', message: 'must be an object, got "gates.yaml"' }],
    ],
    [
      'a missing version',
      { metrics: { auc_roc: 0.8 } },
      [{ path: 'version', message: 'must be a non-empty string or a positive integer' }],
    ],
    [
      'an unknown top-level key',
      { version: 1, metrics: { auc_roc: 0.8 }, metric: {} },
      [
        {
          path: 'metric',
          message: 'is not a config key (expected version, metrics, latency, slices, on_missing_champion)',
        },
      ],
    ],
    [
      'a config without gates',
      { version: 1, metrics: {} },
      [{ path: '', message: 'defines no gates: set metrics, latency or slices' }],
    ],
    [
      'a NaN threshold',
      { version: 1, metrics: { auc_roc: Number.NaN } },
      [{ path: 'metrics.auc_roc', message: 'Invalid input: expected number, received NaN' }],
    ],
    [
      'a threshold given as a string',
      { version: 1, metrics: { auc_roc: '0.87' } },
      [
        {
          path: 'metrics.auc_roc',
          message:
            'must be a number (compact threshold) or an object with direction and min, max or min_delta_vs_champion, got "0.87"',
        },
      ],
    ],
    [
      'a misspelt explicit key',
      { version: 1, metrics: { auc_roc: { direction: 'higher_is_better', min_delta_vs_champoin: 0.01 } } },
      [{ path: 'metrics.auc_roc', message: 'Unrecognized key: "min_delta_vs_champoin"' }],
    ],
    [
      'an explicit entry without a direction',
      { version: 1, metrics: { auc_roc: { min: 0.8 } } },
      [
        {
          path: 'metrics.auc_roc.direction',
          message: 'Invalid option: expected one of "higher_is_better"|"lower_is_better"',
        },
      ],
    ],
    [
      'an explicit entry without any threshold',
      { version: 1, metrics: { auc_roc: { direction: 'higher_is_better' } } },
      [{ path: 'metrics.auc_roc', message: 'must set at least one of min, max, min_delta_vs_champion' }],
    ],
    [
      'a minimum on a lower-is-better metric',
      { version: 1, metrics: { log_loss: { direction: 'lower_is_better', min: 0.1 } } },
      [
        {
          path: 'metrics.log_loss.min',
          message: 'a minimum on a lower_is_better metric would fail candidates that improve it; use max',
        },
      ],
    ],
    [
      'a maximum on a higher-is-better metric',
      { version: 1, metrics: { accuracy: { direction: 'higher_is_better', max: 0.99 } } },
      [
        {
          path: 'metrics.accuracy.max',
          message: 'a maximum on a higher_is_better metric would fail candidates that improve it; use min',
        },
      ],
    ],
    [
      'a delta given in both forms',
      {
        version: 1,
        metrics: {
          auc_roc: { direction: 'higher_is_better', min_delta_vs_champion: 0.01 },
          auc_roc_delta: 0.02,
        },
      },
      [{ path: 'metrics.auc_roc_delta', message: 'duplicates metrics.auc_roc.min_delta_vs_champion' }],
    ],
    [
      'a delta that names no metric',
      { version: 1, metrics: { _delta: 0.1 } },
      [{ path: 'metrics._delta', message: 'names no metric before _delta' }],
    ],
    [
      'an empty metric name',
      { version: 1, metrics: { '': 0.1 } },
      [{ path: 'metrics.', message: 'a metric name must not be empty' }],
    ],
    [
      'metrics that are not an object',
      { version: 1, metrics: [0.87] },
      [{ path: 'metrics', message: 'must be an object of name: value entries, got [0.87]' }],
    ],
    [
      'a latency limit set twice',
      { version: 1, metrics: { latency_p99_ms: 40 }, latency: { p99_ms: 50 } },
      [{ path: 'latency.p99_ms', message: 'duplicates metrics.latency_p99_ms; set the limit in one place' }],
    ],
    [
      'a latency key that is not a percentile',
      { version: 1, latency: { p99: 50 } },
      [{ path: 'latency.p99', message: 'must look like p95_ms or p99_9_ms' }],
    ],
    [
      'a non-positive latency limit',
      { version: 1, latency: { p99_ms: 0 } },
      [{ path: 'latency.p99_ms', message: 'Too small: expected number to be >0' }],
    ],
    [
      'a negative slice disparity',
      { version: 1, slices: { metric: 'auc_roc', max_disparity: -0.1 } },
      [{ path: 'slices.max_disparity', message: 'Too small: expected number to be >=0' }],
    ],
    [
      'a slice gate without a metric',
      { version: 1, slices: [{ max_disparity: 0.1 }] },
      [{ path: 'slices[0].metric', message: 'Invalid input: expected string, received undefined' }],
    ],
    [
      'two slice gates on one metric',
      {
        version: 1,
        slices: [
          { metric: 'auc_roc', max_disparity: 0.1 },
          { metric: 'auc_roc', max_disparity: 0.2 },
        ],
      },
      [{ path: 'slices[1].metric', message: 'repeats the disparity gate on auc_roc from slices[0]' }],
    ],
    [
      'an unknown missing-champion policy',
      { version: 1, metrics: { auc_roc: 0.8 }, on_missing_champion: 'ignore' },
      [{ path: 'on_missing_champion', message: 'Invalid option: expected one of "skip"|"fail"' }],
    ],
  ])('reports %s with its path', (_name, input, expected) => {
    expect(problemsOf(input)).toEqual(expected);
  });

  it('reports every problem of a config at once', () => {
    const problems = problemsOf({
      version: 0,
      metrics: { auc_roc: { direction: 'up' }, f1: 'high', log_loss_delta: Number.POSITIVE_INFINITY },
      latency: { p99_ms: -1 },
      slices: { metric: '', max_disparity: 0.1 },
      extra: true,
    });
    expect(problems.map((p) => p.path)).toEqual([
      'extra',
      'version',
      'metrics.auc_roc.direction',
      'metrics.f1',
      'metrics.log_loss_delta',
      'latency.p99_ms',
      'slices.metric',
    ]);
  });
});

describe('parseGateConfig', () => {
  it('throws a GateConfigError whose message lists each problem with its path', () => {
    expect(() =>
      parseGateConfig({ version: 1, metrics: { auc_roc: { direction: 'higher_is_better' } }, x: 1 }),
    ).toThrow(
      new GateConfigError([
        {
          path: 'x',
          message: 'is not a config key (expected version, metrics, latency, slices, on_missing_champion)',
        },
        { path: 'metrics.auc_roc', message: 'must set at least one of min, max, min_delta_vs_champion' },
      ]),
    );
    expect(() => parseGateConfig(null)).toThrow(
      'invalid quality gate config: (root): must be an object, got null',
    );
  });
});
