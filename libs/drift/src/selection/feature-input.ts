import { CategoryCounts } from '../sample/category-counts';
import { WeightedSample } from '../sample/weighted-sample';

/** A numeric feature's windows as value/count samples (raw arrays via `sampleFromValues`). */
export interface NumericFeatureInput {
  readonly name: string;
  readonly kind: 'numeric';
  readonly reference: WeightedSample;
  readonly current: WeightedSample;
}

/** A categorical feature's windows as frequency maps. */
export interface CategoricalFeatureInput {
  readonly name: string;
  readonly kind: 'categorical';
  readonly reference: CategoryCounts;
  readonly current: CategoryCounts;
}

export type FeatureInput = NumericFeatureInput | CategoricalFeatureInput;
