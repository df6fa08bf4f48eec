export { GateConfigError, GateInputError, type ValidationProblem } from './errors';

export {
  DEFAULT_MISSING_CHAMPION_POLICY,
  METRIC_DIRECTIONS,
  type MetricDirection,
  type MetricGate,
  type MissingChampionPolicy,
  type QualityGateConfig,
  type SliceDisparityGate,
} from './config/gate-config';
export { inferMetricDirection } from './config/metric-direction';
export { type GateConfigValidation, parseGateConfig, validateGateConfig } from './config/parse-gate-config';

export type { GateCheck, GateKind, GateOutcome, SliceValue } from './evaluate/gate-check';
export type { EvaluationSnapshot } from './evaluate/snapshot';
export { type GateReport, evaluateGates } from './evaluate/evaluate-gates';
