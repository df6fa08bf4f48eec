import fc from 'fast-check';
import { dueWindows, nextCloseAtMs, watermarkAt } from './due-windows';

const tumbling = { sizeMs: 300_000, hopMs: 300_000, allowedLatenessMs: 60_000 };
const minute = 60_000;

describe('dueWindows', () => {
  it('places the first window on the hop grid around the first event', () => {
    const windows = dueWindows(tumbling, { lastEndMs: undefined, firstEventMs: 7 * minute }, 20 * minute, 10);
    expect(windows[0]).toEqual({ startMs: 5 * minute, endMs: 10 * minute });
  });

  it('closes a window only once the watermark (now − lateness) reaches its end', () => {
    const progress = { lastEndMs: undefined, firstEventMs: 0 };
    expect(dueWindows(tumbling, progress, 5 * minute + 59_999, 10)).toEqual([]);
    expect(dueWindows(tumbling, progress, 6 * minute, 10)).toEqual([{ startMs: 0, endMs: 5 * minute }]);
  });

  it('resumes right after the last processed window, skipping none', () => {
    const windows = dueWindows(tumbling, { lastEndMs: 10 * minute, firstEventMs: 0 }, 31 * minute, 10);
    expect(windows).toEqual([
      { startMs: 10 * minute, endMs: 15 * minute },
      { startMs: 15 * minute, endMs: 20 * minute },
      { startMs: 20 * minute, endMs: 25 * minute },
      { startMs: 25 * minute, endMs: 30 * minute },
    ]);
  });

  it('yields overlapping windows one hop apart for sliding schedules', () => {
    const sliding = { sizeMs: 10 * minute, hopMs: 5 * minute, allowedLatenessMs: 0 };
    const windows = dueWindows(sliding, { lastEndMs: undefined, firstEventMs: 12 * minute }, 30 * minute, 10);
    expect(windows).toEqual([
      { startMs: 5 * minute, endMs: 15 * minute },
      { startMs: 10 * minute, endMs: 20 * minute },
      { startMs: 15 * minute, endMs: 25 * minute },
      { startMs: 20 * minute, endMs: 30 * minute },
    ]);
  });

  it('returns at most `limit` windows so a long outage is caught up in bounded steps', () => {
    expect(dueWindows(tumbling, { lastEndMs: 0, firstEventMs: 0 }, 1000 * minute, 3)).toHaveLength(3);
  });

  it('never skips or repeats a window however the processing is split into calls', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }),
        (size, hopFraction, firstEventMs, advances) => {
          const schedule = {
            sizeMs: size * 10,
            hopMs: Math.max(1, Math.ceil((size * 10 * hopFraction) / 50)),
            allowedLatenessMs: 5,
          };
          let now = firstEventMs;
          let lastEndMs: number | undefined;
          const seen: number[] = [];
          for (const advance of advances) {
            now += advance;
            for (const window of dueWindows(schedule, { lastEndMs, firstEventMs }, now, 4)) {
              seen.push(window.startMs);
              lastEndMs = window.endMs;
            }
          }
          const expected = seen.map((_, i) => (seen[0] ?? 0) + i * schedule.hopMs);
          expect(seen).toEqual(expected);
          if (seen.length > 0)
            expect((seen[0] ?? 0) <= firstEventMs && firstEventMs < (seen[0] ?? 0) + schedule.sizeMs).toBe(
              true,
            );
          if (lastEndMs !== undefined) expect(lastEndMs).toBeLessThanOrEqual(watermarkAt(schedule, now));
        },
      ),
    );
  });

  it('names the bad field of an invalid schedule', () => {
    const progress = { lastEndMs: undefined, firstEventMs: 0 };
    expect(() => dueWindows({ ...tumbling, hopMs: 400_000 }, progress, 0, 1)).toThrow(/hopMs/);
    expect(() => dueWindows({ ...tumbling, sizeMs: 0 }, progress, 0, 1)).toThrow(/sizeMs/);
    expect(() => dueWindows({ ...tumbling, allowedLatenessMs: -1 }, progress, 0, 1)).toThrow(
      /allowedLatenessMs/,
    );
  });
});

describe('nextCloseAtMs', () => {
  it('is the end plus lateness of the window after the last processed one, or of the first window', () => {
    expect(nextCloseAtMs(tumbling, { lastEndMs: undefined, firstEventMs: 7 * minute })).toBe(11 * minute);
    expect(nextCloseAtMs(tumbling, { lastEndMs: 10 * minute, firstEventMs: 0 })).toBe(16 * minute);
    const sliding = { sizeMs: 10 * minute, hopMs: 5 * minute, allowedLatenessMs: 0 };
    expect(nextCloseAtMs(sliding, { lastEndMs: 20 * minute, firstEventMs: 0 })).toBe(25 * minute);
  });

  it('is exactly the moment dueWindows first yields that window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 10_000 }),
        (size, hopRaw, lateness, first) => {
          const schedule = {
            sizeMs: size * 1000,
            hopMs: Math.min(hopRaw, size) * 1000,
            allowedLatenessMs: lateness * 1000,
          };
          const progress = { lastEndMs: undefined, firstEventMs: first * 1000 };
          const at = nextCloseAtMs(schedule, progress);
          expect(dueWindows(schedule, progress, at - 1, 1)).toEqual([]);
          expect(dueWindows(schedule, progress, at, 1)).toHaveLength(1);
        },
      ),
    );
  });
});
