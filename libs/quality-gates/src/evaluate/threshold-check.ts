import { formatNumber as f } from './format-number';
import { GateCheck, outcomeFields } from './gate-check';
import { MetricReading } from './snapshot';

/** Checks a metric against its minimum or maximum; both bounds are inclusive. */
export function thresholdCheck(
  metric: string,
  gate: 'min' | 'max',
  threshold: number,
  reading: MetricReading,
): GateCheck {
  const bound = `the ${gate === 'min' ? 'minimum' : 'maximum'} ${f(threshold)}`;
  if (reading.kind !== 'value') {
    const why =
      reading.kind === 'missing'
        ? 'is missing from the candidate'
        : `is ${reading.shown}, not a finite number`;
    return {
      gate,
      metric,
      ...outcomeFields('failed'),
      observed: null,
      threshold,
      explanation: `${metric} ${why}, so it cannot meet ${bound}`,
    };
  }
  const { value } = reading;
  const passed = gate === 'min' ? value >= threshold : value <= threshold;
  const verdict = passed
    ? gate === 'min'
      ? `meets ${bound}`
      : `is within ${bound}`
    : `is ${gate === 'min' ? 'below' : 'above'} ${bound}`;
  return {
    gate,
    metric,
    ...outcomeFields(passed ? 'passed' : 'failed'),
    observed: value,
    threshold,
    explanation: `${metric} ${f(value)} ${verdict}`,
  };
}
