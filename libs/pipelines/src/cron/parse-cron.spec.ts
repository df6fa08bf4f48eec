import { parseCron } from './parse-cron';

function sets(text: string): number[][] {
  const parsed = parseCron(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { minutes, hours, daysOfMonth, months, daysOfWeek } = parsed.value;
  return [minutes, hours, daysOfMonth, months, daysOfWeek].map((set) => [...set].sort((a, b) => a - b));
}

describe('parseCron', () => {
  it('expands lists, ranges, steps and names', () => {
    const [minutes, hours, days, months, weekdays] = sets('*/15 9-17/4 1,15 jan-mar MON-FRI');
    expect(minutes).toEqual([0, 15, 30, 45]);
    expect(hours).toEqual([9, 13, 17]);
    expect(days).toEqual([1, 15]);
    expect(months).toEqual([1, 2, 3]);
    expect(weekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads a value with a step as running to the end of the range, and 7 as Sunday', () => {
    expect(sets('5/20 0 * * 7')[0]).toEqual([5, 25, 45]);
    expect(sets('5/20 0 * * 7')[4]).toEqual([0]);
  });

  it('expands macros', () => {
    expect(sets('@daily')).toEqual(sets('0 0 * * *'));
    expect(sets('@hourly')[0]).toEqual([0]);
  });

  it.each([
    ['0 25 * * *', 'hour 25 is out of range 0-23', 2],
    ['* * * *', 'a cron schedule has 5 fields (minute hour day-of-month month day-of-week), got 4', 7],
    [
      '0 0 * * * 2030',
      'a cron schedule has 5 fields (minute hour day-of-month month day-of-week), got 6',
      10,
    ],
    ['0 0 ? * *', "'?' is not supported in the day of month field; use *", 4],
    [
      '0 0 * FOO *',
      "'FOO' is not a valid month: use a number or a name (JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC)",
      6,
    ],
    ['0 10-5 * * *', 'range 10-5 in the hour field goes backwards', 2],
    ['*/0 * * * *', 'step /0 in the minute field must be from 1 to 59', 1],
    ['1,,2 * * * *', "'' is not a valid minute: use *, a value, a range a-b, a list or a step /n", 2],
    ['0 0 1-40 * *', 'day of month 40 is out of range 1-31', 6],
    ['0 0 30 2 *', 'the schedule never fires: no day 30 in FEB', 4],
    [
      '@fortnightly',
      "unknown cron macro '@fortnightly'; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly",
      0,
    ],
  ])('rejects %j: %s at %d', (text, message, offset) => {
    expect(parseCron(text)).toEqual({ ok: false, error: { message, offset } });
  });

  it('accepts February 29, which does occur', () => {
    expect(parseCron('0 0 29 2 *').ok).toBe(true);
  });
});
