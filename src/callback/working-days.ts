/**
 * Working days and when first contact is owed. A working day is Monday to Friday, not a bank
 * holiday in the organisation's region (from date-holidays, which is maintained against GOV.UK).
 */
import Holidays from 'date-holidays';
import { addDays, isoDate, londonDate, londonInstant, weekdayIndex, type LondonDate } from './london-time.ts';

/** The bank-holiday regions an organisation may choose. */
export type BankHolidayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland';

const regionCodes: Record<BankHolidayRegion, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

const calendars = new Map<BankHolidayRegion, Holidays>();
/** "region year" → that year's bank holidays as ISO dates. date-holidays recomputes every rule on each call, which costs more than a whole request; a year's list never changes while the server runs. */
const bankHolidaysByYear = new Map<string, Set<string>>();

function bankHolidays(year: number, region: BankHolidayRegion): Set<string> {
  const key = `${region} ${year}`;
  let days = bankHolidaysByYear.get(key);
  if (!days) {
    let calendar = calendars.get(region);
    if (!calendar) {
      calendar = new Holidays('GB', regionCodes[region]);
      calendars.set(region, calendar);
    }
    // Only "public" entries are bank holidays; Mother's Day and the like are observances.
    days = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    bankHolidaysByYear.set(key, days);
  }
  return days;
}

/** True when `date` is a bank holiday in the region. */
export function isBankHoliday(date: LondonDate, region: BankHolidayRegion): boolean {
  return bankHolidays(date.year, region).has(isoDate(date));
}

/** True when `date` is Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: LondonDate, region: BankHolidayRegion): boolean {
  return weekdayIndex(date) < 5 && !isBankHoliday(date, region);
}

/**
 * When first contact is owed for a request made at `createdAt`: the end (London midnight) of the
 * `workingDays`-th working day after the day the request arrived.
 */
export function dueBy(createdAt: Date, workingDays: number, region: BankHolidayRegion): Date {
  const at = createdAt.getTime();
  // Every request of one London day is due at the same moment: work it out once a day.
  if (!lastDue || at < lastDue.from || at >= lastDue.until || lastDue.workingDays !== workingDays || lastDue.region !== region) {
    const arrived = londonDate(createdAt);
    let day = arrived;
    let counted = 0;
    while (counted < workingDays) {
      day = addDays(day, 1);
      if (isWorkingDay(day, region)) counted += 1;
    }
    lastDue = {
      from: londonInstant(arrived).getTime(),
      until: londonInstant(addDays(arrived, 1)).getTime(),
      workingDays,
      region,
      due: londonInstant(addDays(day, 1)).getTime(),
    };
  }
  return new Date(lastDue.due);
}
let lastDue: { from: number; until: number; workingDays: number; region: BankHolidayRegion; due: number } | undefined;

/**
 * When first contact is owed for a request made at `createdAt` with these chosen safe-time windows:
 * the end of the last window that ends within the promise (dueBy), or, when none does, the end of
 * the earliest window. The team may only call at a chosen time, so a promise that ignored them would
 * either raise false alarms or name a day with no time the survivor said was safe.
 */
export function firstContactDue(
  createdAt: Date,
  windows: readonly { end: Date }[],
  workingDays: number,
  region: BankHolidayRegion,
): Date {
  const promised = dueBy(createdAt, workingDays, region).getTime();
  let lastWithin: number | undefined;
  let first = Infinity;
  for (const { end } of windows) {
    const t = end.getTime();
    if (t <= promised && (lastWithin === undefined || t > lastWithin)) lastWithin = t;
    if (t < first) first = t;
  }
  if (lastWithin === undefined && first === Infinity) throw new RangeError('firstContactDue needs at least one window');
  return new Date(lastWithin ?? first);
}

/**
 * Working hours from `from` to `to`: the time between them that falls on working days, each counted
 * midnight to midnight (London time), as the due-by counts them, so one working day is 24 working
 * hours (UK clocks change on a Sunday, never a working day). Zero when `to` is not after `from`.
 */
export function workingHoursBetween(from: Date, to: Date, region: BankHolidayRegion): number {
  const start = from.getTime();
  const end = to.getTime();
  let total = 0;
  for (let day = londonDate(from), dayStart = londonInstant(day).getTime(); dayStart < end; ) {
    const next = addDays(day, 1);
    const nextStart = londonInstant(next).getTime();
    if (isWorkingDay(day, region)) total += Math.max(0, Math.min(nextStart, end) - Math.max(dayStart, start));
    day = next;
    dayStart = nextStart;
  }
  return total / 3_600_000;
}
