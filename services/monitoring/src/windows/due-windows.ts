import { type TimeWindow, type WindowSchedule, assertValidSchedule } from './window';

export interface WindowProgress {
  /** End of the last processed window; undefined before the first one. */
  lastEndMs: number | undefined;
  /** Earliest event time seen for the model: where the first window is placed. */
  firstEventMs: number;
}

/**
 * The closed windows not processed yet, oldest first, at most `limit` of them: windows whose
 * end is after `progress.lastEndMs` and at or before the watermark `nowMs − allowedLatenessMs`.
 * Processing them in this order and recording each one's end makes the sequence gap-free and
 * duplicate-free across restarts: the next call resumes right after the last recorded end.
 */
export function dueWindows(
  schedule: WindowSchedule,
  progress: WindowProgress,
  nowMs: number,
  limit: number,
): TimeWindow[] {
  assertValidSchedule(schedule);
  const watermark = watermarkAt(schedule, nowMs);
  const windows: TimeWindow[] = [];
  let startMs = firstStart(schedule, progress);
  while (windows.length < limit && startMs + schedule.sizeMs <= watermark) {
    windows.push({ startMs, endMs: startMs + schedule.sizeMs });
    startMs += schedule.hopMs;
  }
  return windows;
}

/**
 * When the first window after `progress` closes: its end plus the allowed lateness. A scheduler
 * that sleeps until then (bounded by its tick) decides as soon as a window can be decided.
 */
export function nextCloseAtMs(schedule: WindowSchedule, progress: WindowProgress): number {
  return firstStart(schedule, progress) + schedule.sizeMs + schedule.allowedLatenessMs;
}

/** The watermark a schedule implies at `nowMs`: windows ending at or before it are closed. */
export function watermarkAt(schedule: WindowSchedule, nowMs: number): number {
  return nowMs - schedule.allowedLatenessMs;
}

/** The earliest hop-aligned window whose end lies after `eventMs`, i.e. that contains it. */
export function firstWindowContaining(schedule: WindowSchedule, eventMs: number): TimeWindow {
  const startMs = (Math.floor((eventMs - schedule.sizeMs) / schedule.hopMs) + 1) * schedule.hopMs;
  return { startMs, endMs: startMs + schedule.sizeMs };
}

/** Start of the first window to process: right after the last one, or the first holding data. */
function firstStart(schedule: WindowSchedule, progress: WindowProgress): number {
  if (progress.lastEndMs !== undefined) return progress.lastEndMs - schedule.sizeMs + schedule.hopMs;
  return firstWindowContaining(schedule, progress.firstEventMs).startMs;
}
