/** A labelled example: feature values by name, and whether the positive class happened. */
export interface Example {
  features: Readonly<Record<string, number>>;
  label: 0 | 1;
}

export interface TrainingSettings {
  /** Full-batch gradient descent steps. */
  iterations: number;
  learningRate: number;
  /** L2 penalty on the weights (not the bias). */
  l2: number;
}

export const DEFAULT_TRAINING: TrainingSettings = { iterations: 500, learningRate: 0.5, l2: 0.001 };

/** `sigmoid(x · weights + bias)` over raw (unscaled) feature values, in `featureNames` order. */
export interface LogisticModel {
  featureNames: string[];
  weights: number[];
  bias: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The feature names across examples, sorted, so the same data always gives the same columns. */
export function featureNamesOf(examples: readonly Example[]): string[] {
  const names = new Set<string>();
  for (const example of examples) for (const name of Object.keys(example.features)) names.add(name);
  return [...names].sort();
}

/** An example's feature vector in `names` order; a missing feature is 0. */
export const vectorOf = (example: Example, names: readonly string[]): number[] =>
  names.map((name) => example.features[name] ?? 0);

/**
 * Fits logistic regression by full-batch gradient descent on standardized features with an L2
 * penalty, then folds the standardization into the weights so the model takes raw values.
 * Deterministic: no randomness, zero initial weights, fixed iteration count. The model's input
 * columns are `featureNames` in that order (what clients already send to the version it
 * replaces), or every feature of the examples sorted by name.
 * @throws Error for zero examples, or a named feature that no example has.
 */
export function trainLogisticRegression(
  examples: readonly Example[],
  settings: TrainingSettings = DEFAULT_TRAINING,
  featureNames?: readonly string[],
): LogisticModel {
  if (examples.length === 0) throw new Error('cannot train on zero examples');
  const present = featureNamesOf(examples);
  const absent = featureNames?.filter((name) => !present.includes(name)) ?? [];
  if (absent.length > 0)
    throw new Error(
      `no example has the feature(s) ${absent.join(', ')} (the examples have ${present.join(', ')})`,
    );
  const names = featureNames ? [...featureNames] : present;
  const rows = examples.map((example) => vectorOf(example, names));
  const means = names.map((_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length);
  const scales = names.map((_, j) => {
    const variance = rows.reduce((sum, row) => sum + (row[j]! - means[j]!) ** 2, 0) / rows.length;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  const scaled = rows.map((row) => row.map((value, j) => (value - means[j]!) / scales[j]!));
  const weights = names.map(() => 0);
  let bias = 0;
  for (let iteration = 0; iteration < settings.iterations; iteration += 1) {
    const gradient = names.map(() => 0);
    let biasGradient = 0;
    scaled.forEach((row, i) => {
      const error =
        sigmoid(row.reduce((sum, value, j) => sum + value * weights[j]!, bias)) - examples[i]!.label;
      row.forEach((value, j) => (gradient[j]! += error * value));
      biasGradient += error;
    });
    weights.forEach((weight, j) => {
      weights[j] = weight - settings.learningRate * (gradient[j]! / scaled.length + settings.l2 * weight);
    });
    bias -= (settings.learningRate * biasGradient) / scaled.length;
  }
  const rawWeights = weights.map((weight, j) => weight / scales[j]!);
  const rawBias = bias - rawWeights.reduce((sum, weight, j) => sum + weight * means[j]!, 0);
  return { featureNames: names, weights: rawWeights, bias: rawBias };
}

export function predict(model: LogisticModel, example: Example): number {
  const x = vectorOf(example, model.featureNames);
  return sigmoid(x.reduce((sum, value, j) => sum + value * model.weights[j]!, model.bias));
}
