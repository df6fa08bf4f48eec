import { failure, success, type Result } from '../result';
import { parseCronField, type CronFieldSpec } from './cron-field';
import type { CronSchedule } from './cron-schedule';

const FIELDS: readonly CronFieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Longest day each month can have (February: 29, leap years included). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = FIELDS[3]!.names!;

/**
 * Parses a standard five-field cron expression (`minute hour day-of-month month day-of-week`)
 * or a macro (`@daily`, `@hourly`, ...). Error offsets are into `text`.
 */
export function parseCron(text: string): Result<CronSchedule> {
  const fields = [...text.matchAll(/\S+/g)];
  if (fields.length === 1 && fields[0]![0].startsWith('@')) {
    const macro = MACROS[fields[0]![0]];
    if (macro === undefined) {
      return failure({
        message: `unknown cron macro '${fields[0]![0]}'; use one of ${Object.keys(MACROS).join(', ')}`,
        offset: fields[0]!.index,
      });
    }
    return parseCron(macro);
  }
  if (fields.length !== FIELDS.length) {
    return failure({
      message: `a cron schedule has 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
      offset: fields[FIELDS.length]?.index ?? text.length,
    });
  }
  const sets: Set<number>[] = [];
  for (const [index, spec] of FIELDS.entries()) {
    const field = fields[index]!;
    const parsed = parseCronField(field[0], spec);
    if (!parsed.ok)
      return failure({ message: parsed.error.message, offset: field.index + parsed.error.offset });
    sets.push(parsed.value);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);
  const schedule: CronSchedule = {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    daysOfMonthRestricted: fields[2]![0] !== '*',
    daysOfWeekRestricted: fields[4]![0] !== '*',
  };
  const never = neverFires(schedule);
  return never ? failure({ message: never, offset: fields[2]!.index }) : success(schedule);
}

/** `0 0 30 2 *` is valid syntax that would silently never run; say so. */
function neverFires(schedule: CronSchedule): string | undefined {
  if (!schedule.daysOfMonthRestricted || schedule.daysOfWeekRestricted) return undefined;
  const firstDay = Math.min(...schedule.daysOfMonth);
  const months = [...schedule.months];
  if (months.some((month) => firstDay <= MONTH_DAYS[month - 1]!)) return undefined;
  return `the schedule never fires: no day ${firstDay} in ${months.map((month) => MONTH_NAMES[month - 1]).join(', ')}`;
}
