/**
 * Calendar arithmetic in UK time. Callback hours, working days and due-by times are all London
 * wall-clock times, and a London day is 23 or 25 hours long at the clock changes, so days are
 * counted on the calendar and only then turned into instants.
 */

/** A London calendar date. */
export interface LondonDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** London's wall-clock reading at an instant. */
function wallClock(at: Date): LondonDate & { hour: number; minute: number; second: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** The London calendar date of an instant. */
export function londonDate(at: Date): LondonDate {
  const { year, month, day } = wallClock(at);
  return { year, month, day };
}

/** The instant when London clocks show `date` at hour:minute (the later reading if it happens twice). */
export function londonInstant(date: LondonDate, hour = 0, minute = 0): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // London is UTC or UTC+1; try both offsets and keep the one whose wall clock matches.
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const w = wallClock(candidate);
    if (w.hour === hour && w.minute === minute && w.day === date.day) return candidate;
  }
  // The hour skipped when clocks go forward: the same time an hour later is what the clock shows.
  return new Date(asUtc);
}

/** The calendar date `n` days after `date`. */
export function addDays(date: LondonDate, n: number): LondonDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: LondonDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** "2026-11-02" */
export function isoDate(date: LondonDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
