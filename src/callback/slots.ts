/**
 * Safe-time windows: the organisation's callback hours over the next 5 working days, cut into
 * windows of at most two hours, never one that has started or starts within the hour.
 */
import { addDays, isoDate, londonDate, londonInstant, weekdayIndex, type LondonDate } from './london-time.ts';
import { isWorkingDay, type BankHolidayRegion } from './working-days.ts';

const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Callback hours per weekday, "HH:MM" London time; a missing day has none. */
export type CallbackHours = Partial<Record<(typeof weekdayNames)[number], { from: string; to: string }>>;

/** One window a survivor can choose. */
export interface SafeTimeWindow {
  /** The form value, e.g. "2026-11-02T09:00-11:00" (London time). */
  value: string;
  start: Date;
  end: Date;
}

/** The windows of one day. */
export interface SafeTimeDay {
  /** "2026-11-02" */
  date: string;
  /** Noon that day, for formatting the day's name in any language. */
  noon: Date;
  windows: SafeTimeWindow[];
}

const windowMinutes = 120;
const minimumNoticeMs = 3_600_000;
const daysOffered = 5;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The callback hours on one calendar day as minutes after midnight, or undefined when there are none that weekday. */
export function openingOn(date: LondonDate, hours: CallbackHours): { from: number; to: number } | undefined {
  const open = hours[weekdayNames[weekdayIndex(date)]!];
  return open && { from: minutesOf(open.from), to: minutesOf(open.to) };
}

/** The windows on one calendar day, before any are removed for being too soon. */
function windowsOn(date: LondonDate, hours: CallbackHours): SafeTimeWindow[] {
  const open = openingOn(date, hours);
  if (!open) return [];
  const windows: SafeTimeWindow[] = [];
  for (let from = open.from; from < open.to; from += windowMinutes) {
    const to = Math.min(from + windowMinutes, open.to);
    windows.push({
      value: `${isoDate(date)}T${clock(from)}-${clock(to)}`,
      start: londonInstant(date, Math.floor(from / 60), from % 60),
      end: londonInstant(date, Math.floor(to / 60), to % 60),
    });
  }
  return windows;
}

/** The safe-time windows to offer at `now`, grouped by day: the next 5 working days that have any left. */
export function safeTimeDays(now: Date, hours: CallbackHours, region: BankHolidayRegion): SafeTimeDay[] {
  const earliest = now.getTime() + minimumNoticeMs;
  const days: SafeTimeDay[] = [];
  let date = londonDate(now);
  // Three weeks is more than 5 working days can ever need, even over Christmas.
  for (let i = 0; i < 21 && days.length < daysOffered; i += 1, date = addDays(date, 1)) {
    if (!isWorkingDay(date, region)) continue;
    const windows = windowsOn(date, hours).filter((w) => w.start.getTime() >= earliest);
    if (windows.length > 0) days.push({ date: isoDate(date), noon: londonInstant(date, 12), windows });
  }
  return days;
}

/** The offered windows by value, worked out at one moment and good until the earliest one becomes too soon. */
let lastOffer:
  | { hours: CallbackHours; region: BankHolidayRegion; from: number; until: number; windows: ReadonlyMap<string, SafeTimeWindow> }
  | undefined;

/**
 * The windows safeTimeDays offers at `now`, by value. The offer changes only when its earliest
 * window comes within the hour, so it is worked out again only then: working it out costs dozens
 * of time-zone conversions, more than a whole request is allowed.
 */
export function offeredWindows(now: Date, hours: CallbackHours, region: BankHolidayRegion): ReadonlyMap<string, SafeTimeWindow> {
  const at = now.getTime();
  if (!lastOffer || lastOffer.hours !== hours || lastOffer.region !== region || at < lastOffer.from || at > lastOffer.until) {
    const windows = new Map(safeTimeDays(now, hours, region).flatMap((day) => day.windows.map((w) => [w.value, w] as const)));
    // With nothing on offer there is no window to wait for: keep the answer for this instant only.
    const earliest = windows.size > 0 ? Math.min(...[...windows.values()].map((w) => w.start.getTime())) : at + minimumNoticeMs;
    lastOffer = { hours, region, from: at, until: earliest - minimumNoticeMs, windows };
  }
  return lastOffer.windows;
}

/** What the server makes of the safe times a request names. */
export type SafeTimeChoice =
  | { ok: true; windows: SafeTimeWindow[] }
  | { ok: false; error: 'callbackForm.errorSafeTimePassed' | 'callbackForm.errorSafeTime' };

const windowValue = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})-(\d{2}:\d{2})$/;

/**
 * True when `value` names a window of the callback hours that starts before `earliest`: one a page
 * may have offered before it passed. Worked out on the clock face, with one time-zone conversion at
 * most, since a request may name 50 of them.
 */
function wasOfferable(value: string, earliest: number, hours: CallbackHours, region: BankHolidayRegion): boolean {
  const match = windowValue.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const date = { year, month, day };
  if (isoDate(addDays(date, 0)) !== isoDate(date) || !isWorkingDay(date, region)) return false;
  const open = hours[weekdayNames[weekdayIndex(date)]!];
  const [from, to] = [minutesOf(match[4]!), minutesOf(match[5]!)];
  if (!open || from < minutesOf(open.from) || (from - minutesOf(open.from)) % windowMinutes !== 0) return false;
  if (to !== Math.min(from + windowMinutes, minutesOf(open.to)) || from >= to) return false;
  return londonInstant(date, Math.floor(from / 60), from % 60).getTime() < earliest;
}

/**
 * The chosen safe times the server accepts at `now`: only windows it would offer now, each once,
 * earliest first. A window offered earlier that has since passed (or is now under an hour away) is
 * told apart from a value that was never offered, so the form can say what happened.
 */
export function checkSafeTimes(chosen: readonly string[], now: Date, hours: CallbackHours, region: BankHolidayRegion): SafeTimeChoice {
  const offered = offeredWindows(now, hours, region);
  const windows = new Set<SafeTimeWindow>();
  let passed = false;
  // 50 copies of one value cost one look.
  for (const value of new Set(chosen)) {
    const window = offered.get(value);
    if (window) windows.add(window);
    else if (wasOfferable(value, now.getTime() + minimumNoticeMs, hours, region)) passed = true;
    else return { ok: false, error: 'callbackForm.errorSafeTime' };
  }
  if (passed) return { ok: false, error: 'callbackForm.errorSafeTimePassed' };
  if (windows.size === 0) return { ok: false, error: 'callbackForm.errorSafeTime' };
  return { ok: true, windows: [...windows].sort((a, b) => a.start.getTime() - b.start.getTime()) };
}
