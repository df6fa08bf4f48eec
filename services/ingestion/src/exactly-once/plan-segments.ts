import type { OffsetRange } from './offset-range';

/**
 * A run of a batch's messages (indexes `from` to `to`, exclusive) inserted under one token.
 * `replay`: the range was recorded before, by an insert that may have landed: reuse its token so
 * ClickHouse drops it if it did. Otherwise the range is new and must be recorded before inserting.
 */
export interface Segment {
  readonly range: OffsetRange;
  readonly from: number;
  readonly to: number;
  readonly replay: boolean;
}

export interface SegmentPlan {
  readonly segments: readonly Segment[];
  /**
   * The recorded range reaches past this batch, so it cannot be replayed as it was: its records
   * here are inserted under a new token. Only a smaller batch size after a crash (or the per-record
   * retries of a failed batch) leads here; if the recorded insert had landed, they land twice.
   */
  readonly recut: boolean;
}

/**
 * Cuts a batch (ascending `offsets`) into the inserts that make redelivery exact: the range
 * recorded at the batch's first offset (the insert in flight when the previous owner stopped)
 * again as it was, then the rest as one new range.
 */
export function planSegments(offsets: readonly string[], recorded: OffsetRange | undefined): SegmentPlan {
  const first = offsets[0];
  const last = offsets[offsets.length - 1];
  if (first === undefined || last === undefined) return { segments: [], recut: false };
  const whole = (replay: boolean, from: number): Segment => ({ range: { first: offsets[from] ?? first, last }, from, to: offsets.length, replay });
  if (!recorded || recorded.first !== first) return { segments: [whole(false, 0)], recut: false };
  const end = BigInt(recorded.last);
  if (end > BigInt(last)) return { segments: [whole(false, 0)], recut: true };
  const to = offsets.findIndex((offset) => BigInt(offset) > end);
  if (to === -1) return { segments: [{ range: recorded, from: 0, to: offsets.length, replay: true }], recut: false };
  return { segments: [{ range: recorded, from: 0, to, replay: true }, whole(false, to)], recut: false };
}
