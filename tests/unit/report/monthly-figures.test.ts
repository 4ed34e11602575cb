/** The monthly report's figures and formats, from metadata rows as the queue returns them. */
import { describe, expect, it } from 'vitest';
import { monthlyFigures, median, nearestRank } from '../../../src/report/monthly-figures.ts';
import { reportCsv, reportText } from '../../../src/report/report-formats.ts';
import { reportMonth } from '../../../src/report/report-month.ts';
import type { AuditAction, FeedbackCounts, ReportCase } from '../../../src/queue/types.ts';

const november = reportMonth('2026-11')!;
const december = reportMonth('2026-12')!;
const now = new Date('2027-01-15T12:00:00Z');
const noScores = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
/** The feedback counts of a month with none, as the queue returns them. */
const noFeedback: FeedbackCounts = { responses: 0, easeOfAsking: noScores, calledSafely: { yes: 0, no: 0, 'not-yet': 0 }, listenedTo: noScores };
/** Three people's feedback. */
const someFeedback: FeedbackCounts = {
  responses: 3,
  easeOfAsking: { ...noScores, '4': 1, '5': 2 },
  calledSafely: { yes: 2, no: 0, 'not-yet': 1 },
  listenedTo: { ...noScores, '2': 1, '5': 2 },
};

/** A case made at `createdAt`, due at `dueBy`, with these audit actions at these times (after "created"). */
function reportCase(createdAt: string, dueBy: string, events: [string, AuditAction][] = [], extra: Partial<ReportCase> = {}): ReportCase {
  return {
    reference: 'CB-TEST-0000',
    lang: 'en',
    createdAt: new Date(createdAt),
    dueBy: new Date(dueBy),
    status: 'new',
    accessNeeds: [],
    events: [{ at: new Date(createdAt), action: 'created' }, ...events.map(([at, action]) => ({ at: new Date(at), action }))],
    ...extra,
  };
}

describe('reportMonth', () => {
  it('runs from London midnight to London midnight, in summer time too', () => {
    expect(november).toMatchObject({ key: '2026-11', label: 'November 2026' });
    expect(november.from.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(november.to.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // April starts at 00:00 BST, which is 23:00 UTC on 31 March.
    expect(reportMonth('2026-04')!.from.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(december.to.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('names its first and last calendar days, for what is kept by day', () => {
    expect(november).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(december).toMatchObject({ firstDay: '2026-12-01', lastDay: '2026-12-31' });
    expect(reportMonth('2028-02')).toMatchObject({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
  });

  it('accepts only YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', 'November', '2026/11', '26-11', '', '2026-11-01']) expect(reportMonth(bad), bad).toBeUndefined();
  });
});

describe('median and nearest-rank percentile', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('takes the smallest value at least 90% of them are at or below', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 0.9)).toBe(9);
    expect(nearestRank([...ten, 11], 0.9)).toBe(10);
    expect(nearestRank([4], 0.9)).toBe(4);
    expect(nearestRank([], 0.9)).toBeNull();
  });
});

describe('monthlyFigures', () => {
  it('measures time to first contact in working hours, across a weekend and a bank holiday', () => {
    const cases = [
      // Monday 09:00 → reached 11:00: 2 working hours.
      reportCase('2026-12-07T09:00:00Z', '2026-12-09T00:00:00Z', [['2026-12-07T11:00:00Z', 'contacted']]),
      // Friday 16:00 → Monday 10:00, over the weekend: 8 + 10 = 18.
      reportCase('2026-12-11T16:00:00Z', '2026-12-15T00:00:00Z', [['2026-12-14T10:00:00Z', 'contacted']]),
      // Christmas Eve 12:00 → Tuesday 29th 10:00, over Christmas, Boxing Day and the substitute day: 12 + 10 = 22.
      reportCase('2026-12-24T12:00:00Z', '2026-12-30T00:00:00Z', [['2026-12-29T10:00:00Z', 'attempt-reached']]),
      // Wednesday 10:00 → 15:00: 5.
      reportCase('2026-12-02T10:00:00Z', '2026-12-04T00:00:00Z', [['2026-12-02T15:00:00Z', 'contacted']]),
    ];
    const figures = monthlyFigures(cases, december, 'england-and-wales', now, noFeedback);
    // Sorted 2, 5, 18, 22: the median is the mean of 5 and 18; the 90th percentile is the 4th of 4.
    expect(figures.timeToFirstContact).toEqual({ contacted: 4, medianWorkingHours: 11.5, percentile90WorkingHours: 22 });
    expect(figures.firstContact.onTime).toEqual({ count: 4, percent: 100 });
  });

  it('is on time at the due-by exactly, late a millisecond after, and "not yet" without contact', () => {
    const due = '2026-11-04T00:00:00.000Z';
    const cases = [
      reportCase('2026-11-02T09:00:00Z', due, [['2026-11-04T00:00:00.000Z', 'contacted']]),
      reportCase('2026-11-02T09:00:00Z', due, [['2026-11-04T00:00:00.001Z', 'contacted']]),
      reportCase('2026-11-02T09:00:00Z', due, [['2026-11-03T09:00:00Z', 'attempt-no-answer']]),
      // Not yet, and not past due as at `now`: due exactly now is not overdue (as `queue overdue` counts).
      reportCase('2027-01-15T09:00:00Z', now.toISOString()),
    ];
    const figures = monthlyFigures(cases, november, 'england-and-wales', now, noFeedback);
    expect(figures.firstContact).toEqual({
      onTime: { count: 1, percent: 25 },
      late: { count: 1, percent: 25 },
      notYet: { count: 2, percent: 50 },
      notYetPastDue: 1,
    });
  });

  it('takes the first contact, counts the missed attempts before it, and the latest outcome', () => {
    const cases = [
      reportCase('2026-11-02T09:00:00Z', '2026-11-04T00:00:00Z', [
        ['2026-11-02T10:00:00Z', 'claimed'],
        ['2026-11-02T10:05:00Z', 'attempt-no-answer'],
        ['2026-11-02T12:00:00Z', 'attempt-not-safe'],
        ['2026-11-02T14:00:00Z', 'attempt-reached'],
        ['2026-11-02T14:10:00Z', 'contacted'],
        ['2026-11-03T09:00:00Z', 'attempt-no-answer'],
        ['2026-11-03T10:00:00Z', 'handed-over'],
        ['2026-11-03T10:05:00Z', 'shared'],
        ['2026-11-03T10:06:00Z', 'not-shared'],
      ]),
      reportCase('2026-11-02T09:00:00Z', '2026-11-04T00:00:00Z', [
        ['2026-11-02T10:00:00Z', 'attempt-wrong-number'],
        ['2026-11-02T11:00:00Z', 'attempt-no-answer'],
        ['2026-11-02T12:00:00Z', 'attempt-no-answer'],
        ['2026-11-02T13:00:00Z', 'could-not-contact'],
        ['2026-11-03T13:00:00Z', 'reopened'],
        ['2026-11-05T13:00:00Z', 'contacted'],
        ['2026-11-05T14:00:00Z', 'not-shared'],
      ]),
      reportCase('2026-11-03T09:00:00Z', '2026-11-05T00:00:00Z', [['2026-11-03T13:00:00Z', 'could-not-contact']]),
    ];
    const figures = monthlyFigures(cases, november, 'england-and-wales', now, noFeedback);
    expect(figures.attemptsBeforeContact).toEqual({ '0': 0, '1': 0, '2': 1, '3+': 1 });
    expect(figures.outcomes).toEqual({ contacted: 2, 'could-not-contact': 1, 'none-yet': 0 });
    expect(figures.firstContact.onTime.count).toBe(1);
    expect(figures.firstContact.late.count).toBe(1);
    expect(figures.handedOver).toBe(1);
    expect(figures.shareDecisions).toEqual({ share: 1, 'not-share': 2 });
    // Monday 09:00 to 14:00 is 5 working hours; Monday 09:00 to Thursday 13:00 is 15 + 24 + 24 + 13 = 76.
    expect(figures.timeToFirstContact).toMatchObject({ medianWorkingHours: 40.5, percentile90WorkingHours: 76 });
  });

  it('counts languages (most first) and access needs, with "none" and "not recorded" apart', () => {
    const at = '2026-11-02T09:00:00Z';
    const due = '2026-11-04T00:00:00Z';
    const cases = [
      reportCase(at, due, [], { lang: 'pl', accessNeeds: ['interpreter'] }),
      reportCase(at, due, [], { lang: 'ar', accessNeeds: ['bsl', 'easy-read'] }),
      reportCase(at, due, [], { lang: 'pl', accessNeeds: [] }),
      reportCase(at, due, [], { lang: 'en', accessNeeds: null }),
    ];
    const figures = monthlyFigures(cases, november, 'england-and-wales', now, noFeedback);
    expect(figures.languages).toEqual([
      { code: 'pl', name: 'Polish', count: 2 },
      { code: 'en', name: 'English', count: 1 },
      { code: 'ar', name: 'Arabic', count: 1 },
    ]);
    expect(figures.accessNeeds).toEqual({ interpreter: 1, bsl: 1, 'relay-uk': 0, 'easy-read': 1, none: 1, 'not-recorded': 1 });
  });

  it('says so for a month with no requests, in every format, with nothing divided by zero', () => {
    const figures = monthlyFigures([], november, 'england-and-wales', now, noFeedback);
    expect(figures.received).toBe(0);
    expect(figures.firstContact.onTime).toEqual({ count: 0, percent: null });
    expect(figures.timeToFirstContact).toEqual({ contacted: 0, medianWorkingHours: null, percentile90WorkingHours: null });
    expect(figures.notes[0]).toBe('No requests were received in November 2026.');
    const text = reportText(figures);
    expect(text).toContain('No requests were received in November 2026.');
    expect(text).not.toContain('First contact');
    expect(reportCsv(figures)).toContain('2026-11,Requests,Received,0,\r\n');
    expect(JSON.stringify(figures)).not.toMatch(/NaN|Infinity/);
    // Nor any feedback: said once, under the heading, and the CSV still has every row at 0.
    expect(figures.notes[1]).toBe('No feedback was received in November 2026.');
    expect(text.split('\n').slice(3)).toEqual(['No requests were received in November 2026.', 'No feedback was received in November 2026.']);
    expect(reportCsv(figures)).toContain("\r\n2026-11,Survivors' feedback,Responses,0,\r\n");
  });

  it('shows the feedback of a month with feedback but no requests, and says there were no requests', () => {
    const text = reportText(monthlyFigures([], november, 'england-and-wales', now, someFeedback));
    expect(text).toMatch(/\nSurvivors' feedback\n {2}Responses +3\n/);
    expect(text).not.toMatch(/^(Requests|First contact)/m);
    expect(text).toContain('- No requests were received in November 2026.');
    expect(text).not.toContain('No feedback');
  });
});

describe('report formats', () => {
  const figures = monthlyFigures(
    [
      reportCase('2026-11-02T09:00:00Z', '2026-11-04T00:00:00Z', [['2026-11-02T11:30:00Z', 'contacted']], { accessNeeds: ['relay-uk'] }),
      reportCase('2026-11-06T16:00:00Z', '2026-11-10T00:00:00Z', [], { lang: 'uk' }),
    ],
    november,
    'england-and-wales',
    new Date('2026-12-01T09:00:00Z'),
    someFeedback,
  );

  it('prints a table with counts, percentages and working hours, and says what working hours are', () => {
    const text = reportText(figures);
    expect(text).toMatch(/^Callback requests received in November 2026\nAs at 1 December 2026 at 09:00 UK time\n/);
    expect(text).toMatch(/\n {2}On time \(at or before the due-by\) +1 +50\.0\n/);
    expect(text).toMatch(/\n {4}of which past the due-by +1\n/);
    expect(text).toMatch(/\n {2}Median +2\.5\n/);
    expect(text).toMatch(/\n {2}Ukrainian +1\n/);
    expect(text).toMatch(/\n {2}Relay UK +1\n/);
    expect(text).toContain('Working hours are the hours of working days (Monday to Friday, not a bank holiday in England and Wales), midnight to midnight UK time');
    // Every figure ends in one column, and every percentage 8 characters to its right.
    const rowLengths = [...new Set(text.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.length))].sort((a, b) => a - b);
    expect(rowLengths).toHaveLength(2);
    expect(rowLengths[1]! - rowLengths[0]!).toBe(8);
  });

  it("counts each answer to each of the survey's questions", () => {
    const text = reportText(figures);
    expect(text).toMatch(/\nSurvivors' feedback\n {2}Responses +3\n/);
    expect(text).toMatch(/\nWas it easy to ask us for help\? \(1 very hard, 5 very easy\)\n {2}1 +0\n {2}2 +0\n {2}3 +0\n {2}4 +1\n {2}5 +2\n/);
    expect(text).toMatch(/\nDid we call you at a safe time\?\n {2}Yes +2\n {2}No +0\n {2}Not called yet +1\n/);
    expect(text).toMatch(/\nDid you feel listened to\? \(1 not at all, 5 yes, fully\)\n {2}1 +0\n {2}2 +1\n {2}3 +0\n {2}4 +0\n {2}5 +2\n/);
    expect(text).not.toContain('No feedback');
    expect(figures.feedback).toEqual(someFeedback);
    const lines = reportCsv(figures).split('\r\n');
    expect(lines).toContain("2026-11,Survivors' feedback,Responses,3,");
    expect(lines).toContain('2026-11,Did we call you at a safe time?,Not called yet,1,');
    expect(lines).toContain('2026-11,"Did you feel listened to? (1 not at all, 5 yes, fully)",5,2,');
  });

  it('writes CSV with one row per figure, quoting what needs it', () => {
    const csv = reportCsv(figures);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('month,section,measure,value,percent');
    expect(lines).toContain('2026-11,First contact,Late,0,0');
    expect(lines).toContain('2026-11,First contact,"Not yet, of which past the due-by",1,');
    expect(lines).toContain('2026-11,Time to first contact (working hours),Median,2.5,');
    expect(lines.some((l) => l.startsWith('2026-11,"Attempts that did not reach the person, before first contact",None,1,'))).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
