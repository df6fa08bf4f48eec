import { MetricGate, MissingChampionPolicy } from '../config/gate-config';
import { formatNumber as f } from './format-number';
import { GateCheck, outcomeFields } from './gate-check';
import { MetricReading } from './snapshot';
import { differenceTolerance } from './tolerance';

export interface DeltaInputs {
  candidate: MetricReading;
  /** Undefined when there is no champion at all. */
  champion: MetricReading | undefined;
  onMissingChampion: MissingChampionPolicy;
}

/** Checks the candidate's improvement over the champion in the metric's direction. */
export function deltaCheck(
  gate: MetricGate & { minDeltaVsChampion: number },
  inputs: DeltaInputs,
): GateCheck {
  const { metric, direction, minDeltaVsChampion: threshold } = gate;
  const { candidate, champion } = inputs;
  const candidateValue = candidate.kind === 'value' ? candidate.value : null;
  const championValue = champion?.kind === 'value' ? champion.value : null;
  const check = {
    gate: 'min_delta_vs_champion' as const,
    metric,
    direction,
    threshold,
    candidateValue,
    championValue,
  };
  const requirement = requirementText(threshold);

  if (candidate.kind !== 'value') {
    const why =
      candidate.kind === 'missing'
        ? 'is missing from the candidate'
        : `is ${candidate.shown} in the candidate`;
    return {
      ...check,
      ...outcomeFields('failed'),
      observed: null,
      explanation: `${metric} ${why}, so ${requirement} cannot be checked`,
    };
  }
  if (champion?.kind === 'invalid') {
    const explanation = `the champion's ${metric} is ${champion.shown}, so ${requirement} cannot be checked`;
    return { ...check, ...outcomeFields('failed'), observed: null, explanation };
  }
  if (champion === undefined || champion.kind === 'missing') {
    const absent =
      champion === undefined ? 'there is no champion to compare with' : `the champion has no ${metric} value`;
    const skip = inputs.onMissingChampion === 'skip';
    const explanation = `${absent}, so ${requirement} ${skip ? 'was skipped' : 'fails'} (on_missing_champion: ${inputs.onMissingChampion})`;
    return { ...check, ...outcomeFields(skip ? 'skipped' : 'failed'), observed: null, explanation };
  }

  const improvement =
    direction === 'higher_is_better' ? candidate.value - champion.value : champion.value - candidate.value;
  const passed = improvement >= threshold - differenceTolerance(threshold);
  const change = changeText(improvement, champion.value, candidate.value);
  const verdict = passed
    ? `meeting ${requirement}`
    : threshold < 0
      ? `beyond ${requirement}`
      : `short of ${requirement}`;
  return {
    ...check,
    ...outcomeFields(passed ? 'passed' : 'failed'),
    observed: improvement,
    explanation: `${metric} ${change}, ${verdict}`,
  };
}

function requirementText(threshold: number): string {
  if (threshold > 0) return `the required improvement of at least ${f(threshold)} over the champion`;
  if (threshold === 0) return 'the requirement of no regression against the champion';
  return `the allowed regression of at most ${f(-threshold)} against the champion`;
}

function changeText(improvement: number, champion: number, candidate: number): string {
  const values = `(champion ${f(champion)}, candidate ${f(candidate)})`;
  if (improvement > 0) return `improved by ${f(improvement)} ${values}`;
  if (improvement < 0) return `regressed by ${f(-improvement)} ${values}`;
  return `is unchanged ${values}`;
}
