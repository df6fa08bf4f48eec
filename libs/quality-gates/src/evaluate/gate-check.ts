import { MetricDirection } from '../config/gate-config';

export type GateKind = 'min' | 'max' | 'min_delta_vs_champion' | 'max_slice_disparity';

/** `skipped` counts as passed: it is reported so a reader sees what was not checked and why. */
export type GateOutcome = 'passed' | 'failed' | 'skipped';

interface CheckBase {
  metric: string;
  outcome: GateOutcome;
  /** `outcome !== 'failed'`. */
  passed: boolean;
  /**
   * What the gate compared: the metric (min, max), the improvement over the champion (delta)
   * or the spread across slices (disparity); null when it could not be measured.
   */
  observed: number | null;
  threshold: number;
  /** One sentence saying what was compared and why it passed, failed or was skipped. */
  explanation: string;
}

export interface SliceValue {
  slice: string;
  value: number;
}

export type GateCheck =
  | (CheckBase & { gate: 'min' | 'max' })
  | (CheckBase & {
      gate: 'min_delta_vs_champion';
      direction: MetricDirection;
      candidateValue: number | null;
      championValue: number | null;
    })
  | (CheckBase & {
      gate: 'max_slice_disparity';
      sliceCount: number;
      highest?: SliceValue;
      lowest?: SliceValue;
    });

export function outcomeFields(outcome: GateOutcome): { outcome: GateOutcome; passed: boolean } {
  return { outcome, passed: outcome !== 'failed' };
}
