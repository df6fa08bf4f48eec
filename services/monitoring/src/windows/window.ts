/** A half-open interval of event time [startMs, endMs), epoch milliseconds (UTC). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/**
 * How a model's traffic is cut into windows. Windows start at multiples of `hopMs` since the
 * epoch and last `sizeMs`: `hopMs === sizeMs` gives tumbling windows, a smaller hop sliding
 * ones. A window closes once the watermark (`now − allowedLatenessMs`) reaches its end.
 */
export interface WindowSchedule {
  sizeMs: number;
  hopMs: number;
  allowedLatenessMs: number;
}

/** Throws naming the first field that cannot describe a schedule. */
export function assertValidSchedule(schedule: WindowSchedule): void {
  const { sizeMs, hopMs, allowedLatenessMs } = schedule;
  if (!Number.isSafeInteger(sizeMs) || sizeMs < 1) {
    throw new RangeError(`window sizeMs is ${sizeMs}; expected a positive integer`);
  }
  if (!Number.isSafeInteger(hopMs) || hopMs < 1 || hopMs > sizeMs) {
    throw new RangeError(`window hopMs is ${hopMs}; expected an integer in [1, sizeMs = ${sizeMs}]`);
  }
  if (!Number.isSafeInteger(allowedLatenessMs) || allowedLatenessMs < 0) {
    throw new RangeError(`allowedLatenessMs is ${allowedLatenessMs}; expected an integer ≥ 0`);
  }
}
