/** Metrics of predicted probabilities against 0/1 labels. */
export interface ClassificationMetrics {
  auc_roc: number;
  accuracy: number;
  log_loss: number;
}

const EPSILON = 1e-15;

/**
 * ROC AUC as the probability that a random positive scores above a random negative (ties count
 * half), by ranking; NaN when only one class is present. Accuracy at threshold 0.5; log loss
 * with probabilities clipped to [1e-15, 1 − 1e-15].
 */
export function classificationMetrics(
  scores: readonly number[],
  labels: readonly (0 | 1)[],
): ClassificationMetrics {
  if (scores.length !== labels.length || scores.length === 0)
    throw new Error(`need as many scores as labels, at least one: got ${scores.length} and ${labels.length}`);
  const order = scores.map((score, i) => ({ score, label: labels[i]! })).sort((a, b) => a.score - b.score);
  let rankSumPositive = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.score === order[start]!.score) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) if (order[i]!.label === 1) rankSumPositive += averageRank;
    start = end + 1;
  }
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  const auc =
    positives === 0 || negatives === 0
      ? Number.NaN
      : (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
  const correct = scores.filter((score, i) => (score >= 0.5 ? 1 : 0) === labels[i]).length;
  const logLoss =
    -scores.reduce((sum, score, i) => {
      const p = Math.min(1 - EPSILON, Math.max(EPSILON, score));
      return sum + (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
    }, 0) / scores.length;
  return { auc_roc: auc, accuracy: correct / scores.length, log_loss: logLoss };
}
