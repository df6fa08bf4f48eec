// Definitions: parse and validate YAML into the Pipeline model.
export { parsePipeline, MAX_DEFINITION_LENGTH, type ParsePipelineResult } from './definition/parse-pipeline';
export type { PipelineError } from './source/problems';
export { MAX_STEPS } from './definition/read-pipeline';
export { MAX_EXPRESSION_LENGTH } from './expressions/tokenizer';
export * from './pipeline';
export { adminOnlySteps } from './admin-only-steps';
export {
  BUILTIN_STEPS,
  BUILTIN_STEP_NAMES,
  isBuiltinStepName,
  type BuiltinStepName,
  type BuiltinStepSpec,
} from './builtin-steps';
export { STEP_STATUSES, type StepStatus } from './step-status';
export { parseDuration, formatDuration } from './durations';
export type { Value, ScalarValue } from './values';
export type { Result, OffsetProblem } from './result';

// Expressions: `when` conditions and `${{ }}` placeholders.
export type { Expression, Reference, ComparisonOperator } from './expressions/ast';
export { parseExpression } from './expressions/parser';
export { parseCondition, type PlacedExpression } from './expressions/condition';
export { parseTemplate, type Template, type TemplatePart } from './expressions/template';
export { evaluateExpression, type ExpressionContext, type StepView } from './expressions/evaluator';
export { renderTemplate, renderValue } from './expressions/render';

// Scheduling: what a run does next, and the state changes that follow.
export { nextActions, type NextActionsOptions } from './scheduling/next-actions';
export type {
  NextActions,
  StartStep,
  SkipStep,
  FailStep,
  ScheduleRetry,
  TimeOutStep,
  CancelStep,
} from './scheduling/actions';
export {
  PENDING,
  hasRetriesLeft,
  isSettled,
  stepStateOf,
  type RunState,
  type RunStatus,
  type StepState,
} from './scheduling/run-state';
export { runStatusOf } from './scheduling/run-status';
export { retryDelay } from './scheduling/retry-delay';
export { stepCacheKey } from './scheduling/cache-key';
export { canonicalJson } from './scheduling/canonical-json';
export { resolveTask } from './scheduling/resolve-task';
export { resolveParams } from './scheduling/resolve-params';
export { admitRun, type RunAdmission } from './scheduling/concurrency';
export * from './scheduling/transitions';

// Triggers.
export { eventTriggersFor, type EventTrigger, type TriggerEvent } from './triggers/event-triggers';
export { parseCron } from './cron/parse-cron';
export { nextCronTime } from './cron/next-cron-time';
export type { CronSchedule } from './cron/cron-schedule';
