import type { registryV1 } from '@flywheel/contracts';
import { fixedBins, histogram, quantiles, sampleFromValues } from '@flywheel/drift';
import { CustomerStream, FEATURE_NAMES } from './churn-world';

const ROWS = 5_000;
const LEVELS = Array.from({ length: 101 }, (_, i) => i / 100);

/** What a trainer would register with version 1: the feature distributions of steady traffic. */
export function steadyReferenceProfile(): registryV1.ReferenceProfile {
  const stream = new CustomerStream(1);
  const rows = Array.from({ length: ROWS }, () => stream.next('steady').features);
  return {
    rowCount: ROWS,
    features: FEATURE_NAMES.map((name, column) => {
      const sample = sampleFromValues(rows.map((row) => row[column]!));
      const edges = fixedBins(sample);
      const values = quantiles(sample, LEVELS);
      return {
        name,
        missingCount: 0,
        numeric: {
          binEdges: Array.from(edges),
          binCounts: Array.from(histogram(sample, edges)),
          quantiles: LEVELS.map((probability, i) => ({ probability, value: values[i] ?? 0 })),
          distinctCount: new Set(rows.map((row) => row[column])).size,
        },
      };
    }),
  };
}
