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

/** The windows on one calendar day, before any are removed for being too soon. */
function windowsOn(date: LondonDate, hours: CallbackHours): SafeTimeWindow[] {
  const open = hours[weekdayNames[weekdayIndex(date)]!];
  if (!open) return [];
  const windows: SafeTimeWindow[] = [];
  for (let from = minutesOf(open.from); from < minutesOf(open.to); from += windowMinutes) {
    const to = Math.min(from + windowMinutes, minutesOf(open.to));
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
