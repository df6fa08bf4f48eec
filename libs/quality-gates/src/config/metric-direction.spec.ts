import { inferMetricDirection } from './metric-direction';

describe('inferMetricDirection', () => {
  it.each([
    'auc_roc',
    'accuracy',
    'f1',
    'precision',
    'recall_at_10',
    'ndcg_at_10',
    'r2',
    'hit_rate',
    'uptime',
    'true_positive_rate',
  ])('reads %s as higher_is_better', (metric) => {
    expect(inferMetricDirection(metric)).toBe('higher_is_better');
  });

  it.each([
    'log_loss',
    'logloss',
    'rmse',
    'mean_absolute_error',
    'error_rate',
    'latency_p99_ms',
    'p95_latency',
    'inference_time',
    'brier_score',
    'false_positive_rate',
    'false_negative_rate',
    'binary_cross_entropy',
    'ECE',
    'Model-Size-Bytes',
    'serving_cost',
  ])('reads %s as lower_is_better', (metric) => {
    expect(inferMetricDirection(metric)).toBe('lower_is_better');
  });
});
