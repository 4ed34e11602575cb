import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatTimeRange } from '../../../src/i18n/format.ts';

describe('formatDate', () => {
  it('writes English dates the British way, in UK time', () => {
    expect(formatDate('en', new Date('2026-11-25T00:30:00Z'))).toBe('25 November 2026');
    // 23:30 UTC on 31 March is already 1 April in British Summer Time.
    expect(formatDate('en', new Date('2026-03-31T23:30:00Z'))).toBe('1 April 2026');
  });
});

describe('formatDateRange', () => {
  it('writes a campaign\'s first and last days as one range, in the reader\'s language', () => {
    expect(formatDateRange('en', '2026-11-25', '2026-12-10')).toMatch(/^25 November\s–\s10 December 2026$/);
    expect(formatDateRange('en', '2026-12-28', '2027-01-03')).toMatch(/^28 December 2026\s–\s3 January 2027$/);
    expect(formatDateRange('ar', '2026-11-25', '2026-12-10')).toMatch(/نوفمبر.*ديسمبر/);
  });
});

describe('formatTimeRange', () => {
  it('gives every other language than English a 24-hour time with no English letters (Panjabi, Urdu, Bengali and Gujarati would get AM/PM)', () => {
    const [start, end] = [new Date('2026-12-02T09:00:00Z'), new Date('2026-12-02T11:00:00Z')];
    expect(formatTimeRange('pl', start, end)).toBe('09:00–11:00');
    for (const lang of ['pl', 'ro', 'pa', 'ur', 'pt', 'es', 'ar', 'bn', 'gu', 'uk'] as const) {
      expect(formatTimeRange(lang, start, end), lang).not.toMatch(/[A-Za-z]/);
    }
  });

  it('keeps the usual range in English', () => {
    expect(formatTimeRange('en', new Date('2026-12-02T11:00:00Z'), new Date('2026-12-02T13:00:00Z'))).toMatch(/^11:00\s?–\s?13:00$/);
  });

  it('isolates each time, written in full, in right-to-left languages, so the first is drawn where the reader starts', () => {
    const [start, end] = [new Date('2026-12-02T09:00:00Z'), new Date('2026-12-02T11:00:00Z')];
    expect(formatTimeRange('ur', start, end)).toBe('\u206809:00\u2069 – \u206811:00\u2069');
    expect(formatTimeRange('ar', start, end)).toMatch(/^\u2068[^\u2069]+\u2069 – \u2068[^\u2069]+\u2069$/);
  });
});
