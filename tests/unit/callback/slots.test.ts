import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSafeTimes, offeredWindows, safeTimeDays, type CallbackHours } from '../../../src/callback/slots.ts';

const hours: CallbackHours = {
  monday: { from: '09:00', to: '17:00' },
  tuesday: { from: '09:00', to: '17:00' },
  wednesday: { from: '09:00', to: '19:00' },
  thursday: { from: '09:00', to: '17:00' },
  friday: { from: '09:00', to: '16:30' },
};
const offered = (now: string) => safeTimeDays(new Date(now), hours, 'england-and-wales');

describe('safeTimeDays', () => {
  it('offers the next five working days on a Friday evening, starting Monday', () => {
    const days = offered('2026-11-06T18:00:00Z');
    expect(days.map((d) => d.date)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']);
    expect(days[0]!.windows.map((w) => w.value)).toEqual([
      '2026-11-09T09:00-11:00',
      '2026-11-09T11:00-13:00',
      '2026-11-09T13:00-15:00',
      '2026-11-09T15:00-17:00',
    ]);
    expect(days[2]!.windows.at(-1)!.value).toBe('2026-11-11T17:00-19:00');
    expect(days[4]!.windows.at(-1)!.value).toBe('2026-11-13T15:00-16:30');
  });

  it('never offers a window that starts less than an hour from now', () => {
    const days = offered('2026-11-02T08:30:00Z');
    expect(days[0]!.windows[0]!.value).toBe('2026-11-02T11:00-13:00');
    expect(days[0]!.date).toBe('2026-11-02');
  });

  it('skips Christmas, Boxing Day, the substitute day and New Year', () => {
    expect(offered('2026-12-24T12:00:00Z').map((d) => d.date)).toEqual(['2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04']);
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(offered('2026-04-02T17:00:00Z').map((d) => d.date)).toEqual(['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-13']);
  });

  it('keeps 09:00 London time across both clock changes', () => {
    const spring = offered('2026-03-27T18:00:00Z');
    expect(spring[0]!.windows[0]!.start.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    const autumn = offered('2026-10-22T18:00:00Z');
    expect(autumn[0]!.windows[0]!.start.toISOString()).toBe('2026-10-23T08:00:00.000Z');
    expect(autumn[1]!.windows[0]!.start.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('for any moment: five days, each window in the future by at least an hour and inside callback hours', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (now) => {
        const days = safeTimeDays(now, hours, 'england-and-wales');
        expect(days).toHaveLength(5);
        for (const day of days) {
          expect(day.windows.length).toBeGreaterThan(0);
          for (const w of day.windows) {
            expect(w.start.getTime()).toBeGreaterThanOrEqual(now.getTime() + 3_600_000);
            expect(w.end.getTime() - w.start.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
          }
        }
      }),
    );
  });
});

describe('checkSafeTimes: only what would be offered now', () => {
  const check = (chosen: string[], now: string) => checkSafeTimes(chosen, new Date(now), hours, 'england-and-wales');
  // Friday 6 November 2026, 18:00 GMT: Monday to Friday of the next week are on offer.
  const friday = '2026-11-06T18:00:00Z';

  it('accepts offered windows, each once, earliest first', () => {
    const result = check(['2026-11-10T11:00-13:00', '2026-11-09T09:00-11:00', ...Array(50).fill('2026-11-10T11:00-13:00')], friday);
    expect(result.ok && result.windows.map((w) => w.value)).toEqual(['2026-11-09T09:00-11:00', '2026-11-10T11:00-13:00']);
  });

  it('refuses a value that was never a window: impossible dates, a Sunday night, off the hours, beyond the five days', () => {
    for (const value of ['9999-99-99T99:99-99:99', '2026-02-30T09:00-11:00', '2026-11-08T03:00-05:00', '2026-11-09T10:00-12:00', '2026-11-09T17:00-19:00', '2026-11-16T09:00-11:00']) {
      expect(check(['2026-11-09T09:00-11:00', value], friday), value).toEqual({ ok: false, error: 'callbackForm.errorSafeTime' });
    }
    expect(check([], friday)).toEqual({ ok: false, error: 'callbackForm.errorSafeTime' });
  });

  it('says "passed" for a window of the hours that has begun, passed long ago, or is now under an hour away', () => {
    for (const value of ['2026-11-06T15:00-16:30', '2020-01-06T09:00-11:00', '2026-11-06T09:00-11:00']) {
      expect(check(['2026-11-09T09:00-11:00', value], friday), value).toEqual({ ok: false, error: 'callbackForm.errorSafeTimePassed' });
    }
    // Monday 9 November 08:01 GMT: 09:00 is 59 minutes away, no longer offered.
    expect(check(['2026-11-09T09:00-11:00'], '2026-11-09T08:01:00Z')).toEqual({ ok: false, error: 'callbackForm.errorSafeTimePassed' });
    expect(check(['2026-11-09T09:00-11:00'], '2026-11-09T08:00:00Z').ok).toBe(true);
  });

  it('property: every window offered at one moment is "passed", never "not offered", once it is less than an hour away', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }), fc.nat({ max: 30 * 86_400_000 }), (then, later) => {
        for (const window of safeTimeDays(then, hours, 'england-and-wales').flatMap((d) => d.windows)) {
          const now = new Date(window.start.getTime() - 3_600_000 + 1 + later);
          expect(checkSafeTimes([window.value], now, hours, 'england-and-wales'), window.value).toEqual({ ok: false, error: 'callbackForm.errorSafeTimePassed' });
        }
      }),
      { numRuns: 30 },
    );
    // A window of the right day and start but the wrong end was never offered.
    expect(check(['2026-11-06T09:00-10:00'], friday)).toEqual({ ok: false, error: 'callbackForm.errorSafeTime' });
  });

  it('a bank holiday is never offered: Christmas Day is refused as never a window', () => {
    expect(check(['2026-12-25T09:00-11:00'], '2026-12-24T12:00:00Z')).toEqual({ ok: false, error: 'callbackForm.errorSafeTime' });
  });

  it('property: the remembered offer is always the offer worked out afresh, whatever order moments are asked in', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.array(fc.integer({ min: -3 * 3_600_000, max: 26 * 3_600_000 }), { minLength: 1, maxLength: 6 }),
        (start, steps) => {
          for (const step of steps) {
            const now = new Date(start.getTime() + step);
            const fresh = safeTimeDays(now, hours, 'england-and-wales').flatMap((d) => d.windows.map((w) => w.value));
            expect([...offeredWindows(now, hours, 'england-and-wales').keys()]).toEqual(fresh);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
