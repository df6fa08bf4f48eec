import { type Pipeline, nextCronTime, parseCron } from '@flywheel/pipelines';

/** A schedule trigger firing that is due: its idempotency key and the params it runs with. */
export interface DueFiring {
  key: string;
  triggerIndex: number;
  atMs: number;
}

/** Missed firings are not replayed one by one: only the latest due one runs (bounded search). */
const MAX_CATCH_UP_STEPS = 10_000;

export const scheduleKeyPrefix = (pipeline: string, triggerIndex: number): string =>
  `schedule:${pipeline}:${triggerIndex}:`;

/**
 * The latest firing of a schedule trigger that is due at `nowMs` and after `lastMs` (the last
 * one acted on, or the definition's registration when none was): undefined when none is due.
 * Pure, so the scheduling rule is tested without a clock.
 */
export function dueFiring(
  pipeline: Pipeline,
  triggerIndex: number,
  lastMs: number,
  nowMs: number,
): DueFiring | undefined {
  const trigger = pipeline.triggers[triggerIndex];
  if (trigger?.kind !== 'schedule') return undefined;
  const schedule = parseCron(trigger.schedule);
  if (!schedule.ok) return undefined;
  let due: number | undefined;
  let next = nextCronTime(schedule.value, lastMs);
  for (let step = 0; next !== undefined && next <= nowMs && step < MAX_CATCH_UP_STEPS; step += 1) {
    due = next;
    next = nextCronTime(schedule.value, next);
  }
  return due === undefined
    ? undefined
    : { key: `${scheduleKeyPrefix(pipeline.name, triggerIndex)}${due}`, triggerIndex, atMs: due };
}
