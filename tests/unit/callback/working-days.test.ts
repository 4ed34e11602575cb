import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { londonDate, londonInstant } from '../../../src/callback/london-time.ts';
import { offeredWindows, safeTimeDays, type CallbackHours } from '../../../src/callback/slots.ts';
import { dueBy, firstContactDue, isWorkingDay, workingHoursBetween } from '../../../src/callback/working-days.ts';
import { locales } from '../../../src/i18n/locales.ts';
import { promiseText } from '../../../src/islands/CallbackForm/promise-text.ts';

const due = (createdAt: string, days = 1) => dueBy(new Date(createdAt), days, 'england-and-wales').toISOString();

describe('dueBy: the end of the promised working days, in London time', () => {
  it('counts from the next working day: a Monday morning request is due by the end of Tuesday', () => {
    expect(due('2026-11-02T09:30:00Z')).toBe('2026-11-04T00:00:00.000Z');
  });

  it('skips the weekend for a Friday evening request', () => {
    expect(due('2026-11-06T19:45:00Z')).toBe('2026-11-10T00:00:00.000Z');
  });

  it('treats a Saturday request like one made on Friday night', () => {
    expect(due('2026-11-07T02:00:00Z')).toBe('2026-11-10T00:00:00.000Z');
  });

  it('skips Christmas Day, Boxing Day and the substitute day', () => {
    expect(due('2026-12-24T15:00:00Z')).toBe('2026-12-30T00:00:00.000Z');
  });

  it('skips New Year\'s Day', () => {
    expect(due('2026-12-31T10:00:00Z')).toBe('2027-01-05T00:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday', () => {
    // Thursday 2 April 2026, noon BST. Due by the end of Tuesday 7 April, midnight BST.
    expect(due('2026-04-02T11:00:00Z')).toBe('2026-04-07T23:00:00.000Z');
  });

  it('ends the day at London midnight after the clocks go forward (29 March 2026)', () => {
    // Friday 27 March, 18:00 GMT → end of Monday 30 March, which is midnight BST.
    expect(due('2026-03-27T18:00:00Z')).toBe('2026-03-30T23:00:00.000Z');
  });

  it('ends the day at London midnight after the clocks go back (25 October 2026)', () => {
    // Friday 23 October, 20:00 BST → end of Monday 26 October, which is midnight GMT.
    expect(due('2026-10-23T19:00:00Z')).toBe('2026-10-27T00:00:00.000Z');
  });

  it('uses the London date, not the UTC date, just after midnight in summer', () => {
    // 00:30 BST on Tuesday 7 July is still Monday in UTC.
    expect(due('2026-07-06T23:30:00Z')).toBe('2026-07-08T23:00:00.000Z');
  });

  it('gives the next London day its own due time, one moment either side of midnight, in summer and in winter', () => {
    // Asked in this order, each answer must come from its own day, not from the one asked before.
    expect(due('2026-07-06T22:59:59.999Z')).toBe('2026-07-07T23:00:00.000Z');
    expect(due('2026-07-06T23:00:00.000Z')).toBe('2026-07-08T23:00:00.000Z');
    expect(due('2026-07-06T22:59:59.999Z')).toBe('2026-07-07T23:00:00.000Z');
    expect(due('2026-11-02T23:59:59.999Z')).toBe('2026-11-04T00:00:00.000Z');
    expect(due('2026-11-03T00:00:00.000Z')).toBe('2026-11-05T00:00:00.000Z');
    expect(due('2026-11-03T00:00:00.000Z', 2)).toBe('2026-11-06T00:00:00.000Z');
  });

  it('counts several working days when the promise is longer', () => {
    expect(due('2026-11-06T12:00:00Z', 3)).toBe('2026-11-12T00:00:00.000Z');
  });

  it('knows a bank holiday from an observance', () => {
    expect(isWorkingDay({ year: 2026, month: 8, day: 31 }, 'england-and-wales')).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 3, day: 16 }, 'england-and-wales')).toBe(true);
    // St Andrew's Day substitute is a Scottish bank holiday only.
    expect(isWorkingDay({ year: 2026, month: 11, day: 30 }, 'england-and-wales')).toBe(true);
  });
});

const hours: CallbackHours = {
  monday: { from: '09:00', to: '17:00' },
  tuesday: { from: '09:00', to: '17:00' },
  wednesday: { from: '09:00', to: '19:00' },
  thursday: { from: '09:00', to: '17:00' },
  friday: { from: '09:00', to: '16:30' },
};
/** The due-by for a request made at `createdAt` choosing these offered windows, as an ISO instant. */
function dueFor(createdAt: string, chosen: string[], days = 1): string {
  const offer = offeredWindows(new Date(createdAt), hours, 'england-and-wales');
  const windows = chosen.map((value) => {
    const window = offer.get(value);
    if (!window) throw new Error(`${value} is not offered at ${createdAt}`);
    return window;
  });
  return firstContactDue(new Date(createdAt), windows, days, 'england-and-wales').toISOString();
}
const english = 'by {{time}} on {{date}}';

describe('firstContactDue: the end of the last chosen window within the promise, else of the first chosen window', () => {
  // Monday 2 November 2026, 08:30 GMT: the promise runs to the end of Tuesday 3 November.
  const monday = '2026-11-02T08:30:00Z';

  it('windows all before the promise ends: the end of the last of them', () => {
    expect(dueFor(monday, ['2026-11-02T11:00-13:00', '2026-11-03T15:00-17:00'])).toBe('2026-11-03T17:00:00.000Z');
  });

  it('windows across the promise: the end of the last one inside it', () => {
    expect(dueFor(monday, ['2026-11-05T09:00-11:00', '2026-11-02T13:00-15:00', '2026-11-03T09:00-11:00'])).toBe('2026-11-03T11:00:00.000Z');
  });

  it('windows all after the promise: the end of the first of them, whatever order they came in', () => {
    expect(dueFor(monday, ['2026-11-06T09:00-11:00', '2026-11-04T11:00-13:00'])).toBe('2026-11-04T13:00:00.000Z');
  });

  it('a longer promise takes in later windows', () => {
    expect(dueFor(monday, ['2026-11-04T11:00-13:00', '2026-11-06T09:00-11:00'], 3)).toBe('2026-11-04T13:00:00.000Z');
    expect(dueFor(monday, ['2026-11-04T11:00-13:00', '2026-11-06T09:00-11:00'], 4)).toBe('2026-11-06T11:00:00.000Z');
  });

  it('Friday evening: Monday counts as the promised day, Wednesday does not', () => {
    const friday = '2026-11-06T18:00:00Z';
    expect(dueFor(friday, ['2026-11-09T09:00-11:00', '2026-11-10T09:00-11:00'])).toBe('2026-11-09T11:00:00.000Z');
    expect(dueFor(friday, ['2026-11-11T17:00-19:00'])).toBe('2026-11-11T19:00:00.000Z');
  });

  it('bank holidays: Christmas Eve lunchtime is promised to the end of Tuesday 29 December', () => {
    const christmasEve = '2026-12-24T12:00:00Z';
    expect(dueFor(christmasEve, ['2026-12-24T15:00-17:00', '2026-12-29T15:00-17:00'])).toBe('2026-12-29T17:00:00.000Z');
    expect(dueFor(christmasEve, ['2026-12-31T09:00-11:00', '2026-12-30T09:00-11:00'])).toBe('2026-12-30T11:00:00.000Z');
  });

  it('clocks going forward (29 March 2026): a Monday window ends at its BST time', () => {
    expect(dueFor('2026-03-27T18:00:00Z', ['2026-03-30T15:00-17:00', '2026-03-31T09:00-11:00'])).toBe('2026-03-30T16:00:00.000Z');
    expect(promiseText(english, 'en', new Date('2026-03-30T16:00:00Z'))).toBe('by 17:00 on Monday 30 March');
  });

  it('clocks going back (25 October 2026): BST before, GMT after', () => {
    // Thursday 22 October, 19:00 BST: the promise ends with Friday 23 October, still BST.
    expect(dueFor('2026-10-22T18:00:00Z', ['2026-10-23T15:00-16:30', '2026-10-26T09:00-11:00'])).toBe('2026-10-23T15:30:00.000Z');
    expect(dueFor('2026-10-23T19:00:00Z', ['2026-10-26T15:00-17:00'])).toBe('2026-10-26T17:00:00.000Z');
    expect(promiseText(english, 'en', new Date('2026-10-23T15:30:00Z'))).toBe('by 16:30 on Friday 23 October');
    expect(promiseText(english, 'en', new Date('2026-10-26T17:00:00Z'))).toBe('by 17:00 on Monday 26 October');
  });

  it('property: the promise shown is the due-by stored, to the minute in UK time, in every language', () => {
    const templates = Object.fromEntries(
      locales.map((l) => [l.code, (JSON.parse(readFileSync(`locales/${l.code}.json`, 'utf8')) as Record<string, string>)['callbackSent.body']!]),
    );
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }),
        fc.infiniteStream(fc.boolean()),
        fc.integer({ min: 1, max: 5 }),
        (createdAt, picks, days) => {
          const offered = safeTimeDays(createdAt, hours, 'england-and-wales').flatMap((d) => d.windows);
          const chosen = offered.filter(() => picks.next().value);
          if (chosen.length === 0) chosen.push(offered.at(-1)!);
          const stored = firstContactDue(createdAt, chosen, days, 'england-and-wales');
          // The rule itself.
          const promised = dueBy(createdAt, days, 'england-and-wales').getTime();
          const ends = chosen.map((w) => w.end.getTime());
          const within = ends.filter((t) => t <= promised);
          expect(stored.getTime()).toBe(within.length > 0 ? Math.max(...within) : Math.min(...ends));
          // What the survivor reads (after the JSON round trip) names that same London minute.
          const shown = promiseText(english, 'en', new Date(stored.toISOString()));
          const [, hh, mm, day, month] = /^by (\d{2}):(\d{2}) on \w+ (\d{1,2}) (\w+)$/.exec(shown)!;
          const year = londonDate(createdAt).year + (months.indexOf(month!) + 1 < londonDate(createdAt).month ? 1 : 0);
          expect(londonInstant({ year, month: months.indexOf(month!) + 1, day: Number(day) }, Number(hh), Number(mm)).getTime()).toBe(stored.getTime());
          for (const [lang, template] of Object.entries(templates)) {
            const text = promiseText(template, lang as 'en', stored);
            expect(text, lang).not.toContain('{{');
            expect(text, lang).toContain(promiseText('{{time}}', lang as 'en', stored));
            expect(text, lang).toContain(promiseText('{{date}}', lang as 'en', stored));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('workingHoursBetween: time on working days, midnight to midnight UK time', () => {
  const hours = (from: string, to: string) => workingHoursBetween(new Date(from), new Date(to), 'england-and-wales');

  it('counts the hours of one working day as they pass', () => {
    expect(hours('2026-11-02T09:30:00Z', '2026-11-02T11:00:00Z')).toBe(1.5);
  });

  it('leaves out the weekend: Friday 16:00 to Monday 10:00 is 8 + 10 hours', () => {
    expect(hours('2026-11-06T16:00:00Z', '2026-11-09T10:00:00Z')).toBe(18);
  });

  it('leaves out bank holidays: Christmas Eve 12:00 to Tuesday 29 December 10:00 is 12 + 10 hours', () => {
    expect(hours('2026-12-24T12:00:00Z', '2026-12-29T10:00:00Z')).toBe(22);
  });

  it('counts nothing for a request made and answered over a weekend', () => {
    expect(hours('2026-11-07T10:00:00Z', '2026-11-08T20:00:00Z')).toBe(0);
  });

  it('counts whole working days across the autumn clock change as 24 hours each (the clocks change on a Sunday)', () => {
    // Friday 23 October 12:00 BST to Monday 26 October 12:00 GMT: 73 hours on the clock.
    expect(hours('2026-10-23T11:00:00Z', '2026-10-26T12:00:00Z')).toBe(24);
    // Friday 27 March 2026 12:00 GMT to Monday 30 March 12:00 BST.
    expect(hours('2026-03-27T12:00:00Z', '2026-03-30T11:00:00Z')).toBe(24);
  });

  it('is zero when the end is not after the start', () => {
    expect(hours('2026-11-02T11:00:00Z', '2026-11-02T09:00:00Z')).toBe(0);
  });
});
