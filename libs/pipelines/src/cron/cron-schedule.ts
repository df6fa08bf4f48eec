/** A parsed five-field cron schedule, evaluated in UTC. */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  /** 0 = Sunday; a written 7 is stored as 0. */
  readonly daysOfWeek: ReadonlySet<number>;
  /** Vixie cron rule: when both day fields are restricted, a day matching either fires. */
  readonly daysOfMonthRestricted: boolean;
  readonly daysOfWeekRestricted: boolean;
}

export function dayMatches(schedule: CronSchedule, date: Date): boolean {
  const byMonth = schedule.daysOfMonth.has(date.getUTCDate());
  const byWeek = schedule.daysOfWeek.has(date.getUTCDay());
  if (schedule.daysOfMonthRestricted && schedule.daysOfWeekRestricted) return byMonth || byWeek;
  if (schedule.daysOfMonthRestricted) return byMonth;
  if (schedule.daysOfWeekRestricted) return byWeek;
  return true;
}
