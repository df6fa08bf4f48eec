import { classificationMetrics } from './classification-metrics';
import { isHoldout } from './holdout-split';
import { type Example, predict, trainLogisticRegression } from './logistic-regression';

/** Churn-like data: tenure lowers, complaints raise the odds; a fixed LCG keeps it reproducible. */
function examples(count: number): Example[] {
  let seed = 42;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const tenure = random() * 60;
    const complaints = Math.floor(random() * 5);
    const p = 1 / (1 + Math.exp(-(1.5 - 0.08 * tenure + 0.9 * complaints)));
    return { features: { tenure_months: tenure, complaints }, label: random() < p ? 1 : 0 };
  });
}

describe('trainLogisticRegression', () => {
  it('learns the signs of the true effects on raw feature values and separates the classes', () => {
    const data = examples(2_000);
    const model = trainLogisticRegression(data);
    expect(model.featureNames).toEqual(['complaints', 'tenure_months']);
    expect(model.weights[0]).toBeGreaterThan(0.5);
    expect(model.weights[1]).toBeLessThan(-0.03);
    const metrics = classificationMetrics(
      data.map((example) => predict(model, example)),
      data.map((example) => example.label),
    );
    expect(metrics.auc_roc).toBeGreaterThan(0.8);
    expect(metrics.accuracy).toBeGreaterThan(0.7);
  });

  it('is deterministic', () => {
    const data = examples(300);
    expect(trainLogisticRegression(data)).toEqual(trainLogisticRegression(data));
  });

  it('refuses to train on nothing', () => {
    expect(() => trainLogisticRegression([])).toThrow('zero examples');
  });
});

describe('classificationMetrics', () => {
  it('computes AUC with ties counted half, accuracy at 0.5 and log loss', () => {
    const metrics = classificationMetrics([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1]);
    expect(metrics.auc_roc).toBeCloseTo(0.875, 10);
    expect(metrics.accuracy).toBe(0.75);
    expect(metrics.log_loss).toBeCloseTo(
      -(Math.log(0.9) + Math.log(0.6) + Math.log(0.4) + Math.log(0.8)) / 4,
      10,
    );
  });

  it('reports AUC as NaN when only one class is present', () => {
    expect(classificationMetrics([0.2, 0.7], [1, 1]).auc_roc).toBeNaN();
  });
});

describe('isHoldout', () => {
  it('holds out about a fifth of requests, the same ones every time', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `req-${i}`);
    const held = ids.filter(isHoldout).length;
    expect(held).toBeGreaterThan(1_800);
    expect(held).toBeLessThan(2_200);
    expect(ids.filter(isHoldout)).toEqual(ids.filter(isHoldout));
  });
});

describe('trainLogisticRegression column order', () => {
  const data: Example[] = Array.from({ length: 40 }, (_, i) => ({
    features: { zeta: i % 7, alpha: (i * 3) % 5 },
    label: i % 7 > 3 ? 1 : 0,
  }));

  it('sorts the columns by name unless told the order, and then keeps that order', () => {
    const sorted = trainLogisticRegression(data);
    const ordered = trainLogisticRegression(data, undefined, ['zeta', 'alpha']);
    expect(sorted.featureNames).toEqual(['alpha', 'zeta']);
    expect(ordered.featureNames).toEqual(['zeta', 'alpha']);
    // The same fit, its weights following the columns.
    expect(ordered.weights[0]).toBeCloseTo(sorted.weights[1]!, 12);
    expect(ordered.weights[1]).toBeCloseTo(sorted.weights[0]!, 12);
    expect(predict(ordered, data[5]!)).toBeCloseTo(predict(sorted, data[5]!), 12);
  });

  it('refuses a named feature that no example has, naming it', () => {
    expect(() => trainLogisticRegression(data, undefined, ['zeta', 'beta'])).toThrow(/beta.*alpha, zeta/);
  });
});
