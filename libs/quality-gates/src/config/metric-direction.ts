import { MetricDirection } from './gate-config';

// Name tokens of metrics where smaller is better: latencies, losses and errors, costs.
// prettier-ignore
const LOWER_IS_BETTER_TOKENS = new Set([
  'latency', 'duration', 'time', 'ms', 'seconds', 'sec',
  'loss', 'logloss', 'error', 'errors', 'err', 'miss',
  'mse', 'rmse', 'mae', 'mape', 'smape', 'msle', 'rmsle', 'brier', 'perplexity',
  'wer', 'cer', 'fpr', 'fnr', 'fdr', 'ece', 'mce',
  'cost', 'disparity', 'drift', 'psi', 'bytes', 'memory',
]);
const LOWER_IS_BETTER_PHRASES = /(^|_)(false_positive|false_negative|false_discovery|cross_entropy)(_|$)/;

/**
 * The direction a metric improves in, guessed from its name for the compact config form:
 * lower-is-better when a `_`-separated token names an error, loss, latency or cost
 * (`log_loss`, `rmse`, `latency_p99_ms`, `false_positive_rate`), higher-is-better otherwise
 * (`auc_roc`, `accuracy`, `f1`, `ndcg_at_10`). Use the explicit form to override it.
 */
export function inferMetricDirection(metric: string): MetricDirection {
  const name = metric.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const lower =
    name.split('_').some((token) => LOWER_IS_BETTER_TOKENS.has(token)) || LOWER_IS_BETTER_PHRASES.test(name);
  return lower ? 'lower_is_better' : 'higher_is_better';
}
