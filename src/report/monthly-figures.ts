/**
 * The monthly figures the policies report against (first contact within the promise, attempts,
 * outcomes, hand-overs, share decisions, languages and access needs), worked out from the queue's
 * metadata and audit actions alone, with the month's plain counts of survivors' feedback beside them.
 * Pure: the command line fetches the rows and counts, this works out the figures.
 */
import { workingHoursBetween, type BankHolidayRegion } from '../callback/working-days.ts';
import { locales } from '../i18n/locales.ts';
import type { AccessNeedFlag, AuditAction, FeedbackCounts, ReportCase } from '../queue/types.ts';
import type { ReportMonth } from './report-month.ts';

/** A count and its share of the requests received (one decimal place; null when none were received). */
export interface CountAndShare {
  count: number;
  percent: number | null;
}

/** Everything the report shows. Plain numbers and strings, so it is also the --json output. */
export interface MonthlyFigures {
  /** "2026-11" */
  month: string;
  /** "November 2026" */
  monthLabel: string;
  /** When the figures were worked out (ISO): "not yet" means not yet at this time. */
  asAt: string;
  received: number;
  /** First contact against each request's stored due-by: on time is at or before it. */
  firstContact: { onTime: CountAndShare; late: CountAndShare; notYet: CountAndShare; notYetPastDue: number };
  /** Working hours from the request to first contact, over the requests contacted. */
  timeToFirstContact: { contacted: number; medianWorkingHours: number | null; percentile90WorkingHours: number | null };
  /** Attempts that did not reach the person before first contact, over the requests contacted. */
  attemptsBeforeContact: { '0': number; '1': number; '2': number; '3+': number };
  /** Each request's latest recorded outcome. */
  outcomes: { contacted: number; 'could-not-contact': number; 'none-yet': number };
  /** Requests handed over to case management. */
  handedOver: number;
  /** Share decisions recorded (a request may have several). */
  shareDecisions: { share: number; 'not-share': number };
  /** Requests by the language they were made in, most first. */
  languages: { code: string; name: string; count: number }[];
  /** Requests asking for each access need (one may ask for several), none, or made before these were recorded. */
  accessNeeds: Record<AccessNeedFlag | 'none' | 'not-recorded', number>;
  /** The survivors' feedback received in the month: responses, and how many gave each answer to each question. */
  feedback: FeedbackCounts;
  /** How to read the figures: definitions a committee paper needs beside them. */
  notes: string[];
}

/** Audit actions that mean the person was reached. */
const contactActions: readonly AuditAction[] = ['attempt-reached', 'contacted'];
/** Audit actions that are an attempt that did not reach the person. */
const missedAttempts: readonly AuditAction[] = ['attempt-no-answer', 'attempt-not-safe', 'attempt-wrong-number'];

const regionNames: Record<BankHolidayRegion, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The middle value of sorted numbers (the mean of the middle two when there is an even number). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

/** The nearest-rank percentile of sorted numbers: the smallest value at least `p` of them are at or below. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** The monthly figures for the requests received in `month`, as at `now`, with the month's `feedback` counts. */
export function monthlyFigures(cases: readonly ReportCase[], month: ReportMonth, region: BankHolidayRegion, now: Date, feedback: FeedbackCounts): MonthlyFigures {
  const received = cases.length;
  const share = (count: number): CountAndShare => ({ count, percent: received === 0 ? null : oneDecimal((count * 100) / received) });
  let onTime = 0;
  let late = 0;
  let notYetPastDue = 0;
  const hours: number[] = [];
  const attempts = { '0': 0, '1': 0, '2': 0, '3+': 0 };
  const outcomes = { contacted: 0, 'could-not-contact': 0, 'none-yet': 0 };
  let handedOver = 0;
  const shareDecisions = { share: 0, 'not-share': 0 };
  const languages = new Map<string, number>();
  const accessNeeds: MonthlyFigures['accessNeeds'] = { interpreter: 0, bsl: 0, 'relay-uk': 0, 'easy-read': 0, none: 0, 'not-recorded': 0 };

  for (const c of cases) {
    const firstContact = c.events.findIndex((e) => contactActions.includes(e.action));
    if (firstContact === -1) {
      if (c.dueBy < now) notYetPastDue += 1;
    } else {
      const at = c.events[firstContact]!.at;
      if (at <= c.dueBy) onTime += 1;
      else late += 1;
      hours.push(workingHoursBetween(c.createdAt, at, region));
      const missed = c.events.slice(0, firstContact).filter((e) => missedAttempts.includes(e.action)).length;
      attempts[missed >= 3 ? '3+' : (String(missed) as '0' | '1' | '2')] += 1;
    }
    const outcome = c.events.findLast((e) => e.action === 'contacted' || e.action === 'could-not-contact');
    outcomes[outcome ? (outcome.action as 'contacted' | 'could-not-contact') : 'none-yet'] += 1;
    if (c.events.some((e) => e.action === 'handed-over')) handedOver += 1;
    for (const e of c.events) {
      if (e.action === 'shared') shareDecisions.share += 1;
      if (e.action === 'not-shared') shareDecisions['not-share'] += 1;
    }
    languages.set(c.lang, (languages.get(c.lang) ?? 0) + 1);
    if (c.accessNeeds === null) accessNeeds['not-recorded'] += 1;
    else if (c.accessNeeds.length === 0) accessNeeds.none += 1;
    else for (const flag of c.accessNeeds) accessNeeds[flag] += 1;
  }

  hours.sort((a, b) => a - b);
  const medianHours = median(hours);
  const p90Hours = nearestRank(hours, 0.9);
  const localeOrder = (code: string) => {
    const i = locales.findIndex((l) => l.code === code);
    return i === -1 ? locales.length : i;
  };
  return {
    month: month.key,
    monthLabel: month.label,
    asAt: now.toISOString(),
    received,
    firstContact: { onTime: share(onTime), late: share(late), notYet: share(received - onTime - late), notYetPastDue },
    timeToFirstContact: {
      contacted: hours.length,
      medianWorkingHours: medianHours === null ? null : oneDecimal(medianHours),
      percentile90WorkingHours: p90Hours === null ? null : oneDecimal(p90Hours),
    },
    attemptsBeforeContact: attempts,
    outcomes,
    handedOver,
    shareDecisions,
    languages: [...languages]
      .sort(([a, x], [b, y]) => y - x || localeOrder(a) - localeOrder(b) || a.localeCompare(b))
      .map(([code, count]) => ({ code, name: locales.find((l) => l.code === code)?.englishName ?? code, count })),
    accessNeeds,
    feedback,
    notes: notes(region, received, feedback.responses, month),
  };
}

/** The definitions printed under the figures, in every format; first, what the month had none of. */
function notes(region: BankHolidayRegion, received: number, responses: number, month: ReportMonth): string[] {
  return [
    ...(received === 0 ? [`No requests were received in ${month.label}.`] : []),
    ...(responses === 0 ? [`No feedback was received in ${month.label}.`] : []),
    'Counted from the requests received in the month (UK time), with everything recorded about them up to the time of the report. Only metadata the team recorded: nothing sealed is opened.',
    "First contact is the first attempt recorded as reached, or the outcome \"contacted\", whichever came first. On time means at or before the request's due-by; \"not yet\" includes requests closed as could not contact.",
    `Working hours are the hours of working days (Monday to Friday, not a bank holiday in ${regionNames[region]}), midnight to midnight UK time: the days the due-by promise counts. One working day is 24 working hours.`,
    'The median is the middle time (the mean of the middle two); the 90th percentile is the nearest-rank value: 9 in 10 first contacts took that long or less.',
    `Access needs record only whether an interpreter, BSL, Relay UK or Easy Read was asked for; one request may ask for several. Requests made before these were recorded count as "not recorded".`,
    "Feedback is counted by the day it arrived (UK time), apart from the requests: the survey asks for no name or reference, so it cannot be matched to one. Its comments stay sealed here; `npm run queue -- feedback` opens them.",
    'Small numbers in the language, access and feedback rows could point to one person: check them before this report goes beyond the committee.',
  ];
}
