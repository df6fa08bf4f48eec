import { SliceDisparityGate } from '../config/gate-config';
import { formatNumber as f } from './format-number';
import { GateCheck, SliceValue, outcomeFields } from './gate-check';
import { EvaluationSnapshot, readSliceMetric } from './snapshot';
import { differenceTolerance } from './tolerance';

/** Checks that a metric's spread (highest − lowest) across the candidate's slices stays within the limit. */
export function sliceDisparityCheck(gate: SliceDisparityGate, candidate: EvaluationSnapshot): GateCheck {
  const { metric, maxDisparity: threshold } = gate;
  const limit = `the maximum disparity ${f(threshold)}`;
  const slices = Object.entries(candidate.slices ?? {});
  const base = { gate: 'max_slice_disparity' as const, metric, threshold, sliceCount: slices.length };
  if (slices.length === 0) {
    const explanation = `the candidate has no evaluation slices, so the disparity of ${metric} against ${limit} cannot be checked`;
    return { ...base, ...outcomeFields('failed'), observed: null, explanation };
  }

  const values: SliceValue[] = [];
  const unusable: string[] = [];
  for (const [slice, sliceMetrics] of slices) {
    const reading = readSliceMetric(sliceMetrics, metric);
    if (reading.kind === 'value') values.push({ slice, value: reading.value });
    else unusable.push(`'${slice}' (${reading.kind === 'missing' ? 'missing' : reading.shown})`);
  }
  if (unusable.length > 0) {
    const explanation = `${metric} is not a finite number in slice${unusable.length > 1 ? 's' : ''} ${unusable.join(', ')}, so its disparity against ${limit} cannot be checked`;
    return { ...base, ...outcomeFields('failed'), observed: null, explanation };
  }

  const highest = values.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = values.reduce((a, b) => (b.value < a.value ? b : a));
  const disparity = highest.value - lowest.value;
  const passed = disparity <= threshold + differenceTolerance(threshold);
  const spread =
    values.length === 1
      ? `${metric} has a single slice ('${highest.slice}' ${f(highest.value)}), so its disparity is 0`
      : `${metric} varies by ${f(disparity)} across ${values.length} slices (highest '${highest.slice}' ${f(highest.value)}, lowest '${lowest.slice}' ${f(lowest.value)})`;
  const explanation = `${spread}, ${passed ? 'within' : 'above'} ${limit}`;
  return {
    ...base,
    ...outcomeFields(passed ? 'passed' : 'failed'),
    observed: disparity,
    explanation,
    highest,
    lowest,
  };
}
