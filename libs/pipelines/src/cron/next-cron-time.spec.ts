import { nextCronTime } from './next-cron-time';
import { parseCron } from './parse-cron';

function next(expression: string, after: string): string | undefined {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const time = nextCronTime(parsed.value, Date.parse(after));
  return time === undefined ? undefined : new Date(time).toISOString();
}

describe('nextCronTime', () => {
  it('finds the next matching minute strictly after the given time, in UTC', () => {
    expect(next('0 3 * * MON', '2025-01-01T00:00:00Z')).toBe('2025-01-06T03:00:00.000Z');
    expect(next('*/15 * * * *', '2025-01-01T10:15:00Z')).toBe('2025-01-01T10:30:00.000Z');
    expect(next('*/15 * * * *', '2025-01-01T10:14:59.999Z')).toBe('2025-01-01T10:15:00.000Z');
  });

  it('rolls over days, months and years', () => {
    expect(next('30 23 31 12 *', '2025-12-31T23:30:00Z')).toBe('2026-12-31T23:30:00.000Z');
    expect(next('@monthly', '2025-01-31T12:00:00Z')).toBe('2025-02-01T00:00:00.000Z');
  });

  it('fires on either day field when both are restricted (Vixie cron)', () => {
    // 2025-03-01 is a Saturday; the 13th falls on a Thursday.
    expect(next('0 0 13 * FRI', '2025-03-01T00:00:00Z')).toBe('2025-03-07T00:00:00.000Z');
    expect(next('0 0 13 * FRI', '2025-03-08T00:00:00Z')).toBe('2025-03-13T00:00:00.000Z');
  });

  it('waits for a leap day', () => {
    expect(next('0 0 29 2 *', '2025-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });
});
