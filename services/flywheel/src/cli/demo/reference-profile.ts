import type { registryV1 } from '@flywheel/contracts';
import { numericProfileOf, sampleFromValues } from '@flywheel/drift';
import { CustomerStream, FEATURE_NAMES } from './churn-world';

const ROWS = 5_000;

/** What a trainer would register with version 1: the feature distributions of steady traffic. */
export function steadyReferenceProfile(): registryV1.ReferenceProfile {
  const stream = new CustomerStream(1);
  const rows = Array.from({ length: ROWS }, () => stream.next('steady').features);
  return {
    rowCount: ROWS,
    features: FEATURE_NAMES.map((name, column) => ({
      name,
      missingCount: 0,
      numeric: numericProfileOf(sampleFromValues(rows.map((row) => row[column]!))),
    })),
  };
}
