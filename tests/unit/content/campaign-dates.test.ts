import { describe, expect, it } from 'vitest';
import { hasEnded, isCurrent, ukToday } from '../../../src/content/campaign-dates.ts';

describe('campaign dates', () => {
  it('a campaign is current on its first and last day, not the day before or after', () => {
    expect(isCurrent('2026-11-24', '2026-11-25', '2026-12-10')).toBe(false);
    expect(isCurrent('2026-11-25', '2026-11-25', '2026-12-10')).toBe(true);
    expect(isCurrent('2026-12-10', '2026-11-25', '2026-12-10')).toBe(true);
    expect(isCurrent('2026-12-11', '2026-11-25', '2026-12-10')).toBe(false);
    expect(hasEnded('2026-12-10', '2026-12-10')).toBe(false);
    expect(hasEnded('2026-12-11', '2026-12-10')).toBe(true);
  });

  it('today is the UK calendar day, whatever the clock zone: British Summer Time starts the day an hour early', () => {
    expect(ukToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(ukToday(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-10');
    expect(ukToday(new Date('2026-12-11T00:00:00Z'))).toBe('2026-12-11');
  });
});
