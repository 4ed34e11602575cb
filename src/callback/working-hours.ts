/**
 * Working hours: the organisation's callback hours on working days (working-days.ts), the time in
 * which the case team can act on a request. Reminders count in these hours, not on the clock, so
 * "due within 2 working hours" on a Friday evening means Monday's last two hours, not Friday night.
 */
import { addDays, londonDate, londonInstant, type LondonDate } from './london-time.ts';
import { openingOn, type CallbackHours } from './slots.ts';
import { isWorkingDay, type BankHolidayRegion } from './working-days.ts';

/** Days to look back for working hours; a profile with no callback hours at all falls back to the clock. */
const searchDays = 31;

const instantAt = (date: LondonDate, minutes: number) => londonInstant(date, Math.floor(minutes / 60), minutes % 60).getTime();

/**
 * The moment from which only `ms` of working time is left before `due`: counting back from `due`
 * through callback hours on working days. With no callback hours in the month before `due`, the
 * clock time `ms` before it.
 */
export function workingTimeBefore(due: Date, ms: number, hours: CallbackHours, region: BankHolidayRegion): Date {
  let left = ms;
  let date = londonDate(due);
  for (let i = 0; i < searchDays; i += 1, date = addDays(date, -1)) {
    const open = isWorkingDay(date, region) ? openingOn(date, hours) : undefined;
    if (!open) continue;
    const start = instantAt(date, open.from);
    const end = Math.min(instantAt(date, open.to), due.getTime());
    if (end <= start) continue;
    if (end - start >= left) return new Date(end - left);
    left -= end - start;
  }
  return new Date(due.getTime() - ms);
}
