/** Every state a step can be in during a run. */
export const STEP_STATUSES = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'cached',
  'cancelled',
] as const;

export type StepStatus = (typeof STEP_STATUSES)[number];
