/**
 * The month a report covers, from "2026-11": London midnight at its start up to London midnight
 * at the start of the next, so a request made at 00:30 BST on 1 April counts in April.
 */
import { addDays, isoDate, londonInstant } from '../callback/london-time.ts';

/** A calendar month in UK time. */
export interface ReportMonth {
  /** "2026-11" */
  key: string;
  /** "November 2026" */
  label: string;
  /** The first instant of the month. */
  from: Date;
  /** The first instant of the next month (not in the month). */
  to: Date;
  /** "2026-11-01", its first calendar day (for what is kept by day, as feedback is). */
  firstDay: string;
  /** "2026-11-30", its last calendar day. */
  lastDay: string;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The month "YYYY-MM" names, or undefined when it is not a month written that way. */
export function reportMonth(text: string): ReportMonth | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    key: `${match[1]}-${match[2]}`,
    label: monthName.format(new Date(Date.UTC(year, month - 1, 1))),
    from: londonInstant({ year, month, day: 1 }),
    to: londonInstant({ ...next, day: 1 }),
    firstDay: isoDate({ year, month, day: 1 }),
    lastDay: isoDate(addDays({ ...next, day: 1 }, -1)),
  };
}
