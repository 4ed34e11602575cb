import { describe, expect, it } from 'vitest';
import { monthsBefore, staleEntries } from '../../../src/content/service-freshness.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const entry = (id: string, iso: string) => ({ id, lastVerified: day(iso) });

describe('service freshness', () => {
  it('lists entries checked more than 6 months ago, oldest first, and nothing fresher', () => {
    const entries = [entry('fresh', '2026-09-01'), entry('edge', '2026-05-25'), entry('old', '2025-12-31'), entry('older', '2025-01-01')];
    expect(staleEntries(entries, day('2026-11-25')).map((e) => e.id)).toEqual(['older', 'old']);
  });

  it('keeps an entry checked exactly 6 months ago, and lists it a day later', () => {
    const entries = [entry('six-months', '2026-05-25')];
    expect(staleEntries(entries, day('2026-11-25'))).toEqual([]);
    expect(staleEntries(entries, day('2026-11-26')).map((e) => e.id)).toEqual(['six-months']);
  });

  it('counts months on the calendar, clamping to the end of a shorter month', () => {
    expect(monthsBefore(day('2026-08-31'), 6).toISOString().slice(0, 10)).toBe('2026-02-28');
    expect(monthsBefore(day('2027-03-15'), 6).toISOString().slice(0, 10)).toBe('2026-09-15');
  });

  it('takes another period when asked', () => {
    expect(staleEntries([entry('a', '2026-10-01')], day('2026-11-25'), 1).map((e) => e.id)).toEqual(['a']);
  });
});
