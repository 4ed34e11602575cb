import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/i18n/format.ts';

describe('formatDate', () => {
  it('writes English dates the British way, in UK time', () => {
    expect(formatDate('en', new Date('2026-11-25T00:30:00Z'))).toBe('25 November 2026');
    // 23:30 UTC on 31 March is already 1 April in British Summer Time.
    expect(formatDate('en', new Date('2026-03-31T23:30:00Z'))).toBe('1 April 2026');
  });
});
