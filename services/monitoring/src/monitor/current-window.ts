import type { ClickHouseClient } from '@clickhouse/client';
import type { DriftPolicy } from '@flywheel/drift';
import type { NumericReference, ReferenceData } from '../evaluation/feature-stats';
import type { CurrentWindowData, WindowPlans } from '../evaluation/evaluate-window';
import type { NumericCurrent } from '../evaluation/evaluate-numeric';
import { type NumericPlan, planNumericFeature } from '../evaluation/numeric-plan';
import {
  categoryCounts,
  ksGridCounts,
  numericBinCounts,
  numericSummaries,
  numericValueCounts,
} from '../clickhouse/feature-queries';
import { PREDICTION_KEY, type WindowSlice } from '../clickhouse/window-filter';

/**
 * Reads a window in the forms its tests need: one pass for numeric summaries and one for
 * category counts, then only the extra aggregates the plans ask for (exact value counts, KS
 * grid counts, fixed-bin counts), each one pass over the window for all features needing it.
 */
export async function readCurrentWindow(
  client: ClickHouseClient,
  slice: WindowSlice,
  reference: ReferenceData,
  policy: DriftPolicy,
): Promise<{ data: CurrentWindowData; plans: WindowPlans; rowCount: number }> {
  const summaries = await numericSummaries(client, slice);
  const categorical = await categoryCounts(client, slice);

  const numericReferences = new Map<string, NumericReference>();
  for (const [feature, ref] of reference.features)
    if (ref.kind === 'numeric') numericReferences.set(feature, ref);
  if (reference.prediction) numericReferences.set(PREDICTION_KEY, reference.prediction);

  const plans = new Map<string, NumericPlan>();
  for (const [feature, ref] of numericReferences) {
    const summary = summaries.get(feature);
    if (summary !== undefined)
      plans.set(
        feature,
        planNumericFeature(feature === PREDICTION_KEY ? 'prediction' : feature, ref, summary, policy),
      );
  }
  const wanted = (method: NumericPlan['method']) =>
    [...plans].filter(([, plan]) => plan.method === method).map(([f]) => f);
  const values = await numericValueCounts(client, slice, wanted('values'));
  const grid = await ksGridCounts(
    client,
    slice,
    new Map(
      wanted('ks-grid').map((feature) => [
        feature,
        numericReferences.get(feature)?.sample?.values ?? new Float64Array(),
      ]),
    ),
  );
  const bins = await numericBinCounts(
    client,
    slice,
    new Map(wanted('bins').map((feature) => [feature, numericReferences.get(feature)?.bins?.edges ?? []])),
  );

  const numeric = new Map<string, NumericCurrent>();
  for (const [feature, summary] of summaries) {
    const featureValues = values.get(feature);
    const featureGrid = grid.get(feature);
    const featureBins = bins.get(feature);
    numeric.set(feature, {
      summary,
      ...(featureValues && { values: featureValues }),
      ...(featureGrid && { ksGrid: featureGrid }),
      ...(featureBins && { bins: featureBins }),
    });
  }
  const prediction = numeric.get(PREDICTION_KEY);
  numeric.delete(PREDICTION_KEY);
  const predictionPlan = plans.get(PREDICTION_KEY);
  plans.delete(PREDICTION_KEY);
  return {
    data: { numeric, categorical, ...(prediction && { prediction }) },
    plans: { features: plans, ...(predictionPlan && { prediction: predictionPlan }) },
    rowCount: prediction?.summary.count ?? 0,
  };
}
