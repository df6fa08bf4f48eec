import { DriftInputError } from '../errors';
import { WeightedSample } from './weighted-sample';

/** Category → count, e.g. from ClickHouse `SELECT category, count() ... GROUP BY category`. */
export type CategoryCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** Two count vectors over the same categories, in the same order. */
export interface AlignedCounts {
  readonly categories: readonly string[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

/**
 * Aligns two frequency maps over the union of their categories (sorted, so results do not
 * depend on map order). A category seen on one side only gets 0 on the other; categories
 * with zero counts on both sides are dropped.
 */
export function alignCategories(reference: CategoryCounts, current: CategoryCounts): AlignedCounts {
  const referenceMap = toMap(reference, 'reference');
  const currentMap = toMap(current, 'current');
  const categories = [...new Set([...referenceMap.keys(), ...currentMap.keys()])]
    .filter((category) => (referenceMap.get(category) ?? 0) + (currentMap.get(category) ?? 0) > 0)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    categories,
    reference: Float64Array.from(categories, (category) => referenceMap.get(category) ?? 0),
    current: Float64Array.from(categories, (category) => currentMap.get(category) ?? 0),
  };
}

/**
 * Treats each distinct numeric value as a category (Evidently does this for numeric features
 * with few distinct values). Categories are the values in ascending order, as strings.
 */
export function alignValues(reference: WeightedSample, current: WeightedSample): AlignedCounts {
  const categories: string[] = [];
  const referenceCounts: number[] = [];
  const currentCounts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < reference.values.length || j < current.values.length) {
    const x = i < reference.values.length ? reference.values[i]! : Infinity;
    const y = j < current.values.length ? current.values[j]! : Infinity;
    categories.push(String(Math.min(x, y)));
    referenceCounts.push(x <= y ? reference.counts[i++]! : 0);
    currentCounts.push(y <= x ? current.counts[j++]! : 0);
  }
  return {
    categories,
    reference: Float64Array.from(referenceCounts),
    current: Float64Array.from(currentCounts),
  };
}

function toMap(counts: CategoryCounts, name: string): ReadonlyMap<string, number> {
  const map: ReadonlyMap<string, number> = counts instanceof Map ? counts : new Map(Object.entries(counts));
  for (const [category, count] of map) {
    if (!(count >= 0) || count === Infinity) {
      throw new DriftInputError(
        `${name}[${JSON.stringify(category)}] is ${count}; counts must be non-negative finite numbers`,
      );
    }
  }
  return map;
}
