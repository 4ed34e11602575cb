/** What a notification says, and when each is due: UK time, working hours, bank holidays and the clock changes. */
import { describe, expect, it } from 'vitest';
import { londonInstant } from '../../../src/callback/london-time.ts';
import type { CallbackHours } from '../../../src/callback/slots.ts';
import { workingTimeBefore } from '../../../src/callback/working-hours.ts';
import { notificationText } from '../../../src/notify/message.ts';
import { plannedNotifications } from '../../../src/notify/plan.ts';

const nineToFive = { from: '09:00', to: '17:00' };
const weekdays: CallbackHours = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };
const london = (year: number, month: number, day: number, hour = 0, minute = 0) => londonInstant({ year, month, day }, hour, minute);
const hours = 3_600_000;

describe('notification text', () => {
  it('says the reference and the due time in UK time, and nothing else', () => {
    // Tuesday 3 December 2024, 17:00 GMT.
    const due = london(2024, 12, 3, 17);
    expect(notificationText('new', 'CB-7K3Q-9XPM', due)).toBe('New callback request CB-7K3Q-9XPM, due by Tue 3 Dec 17:00');
    expect(notificationText('due-soon', 'CB-7K3Q-9XPM', due)).toBe('Due within 2 working hours, not yet claimed: CB-7K3Q-9XPM, due by Tue 3 Dec 17:00');
    expect(notificationText('overdue', 'CB-7K3Q-9XPM', due)).toBe('Overdue: CB-7K3Q-9XPM, was due by Tue 3 Dec 17:00');
  });

  it('shows British Summer Time as the clock on the wall, with three-letter months', () => {
    expect(notificationText('new', 'CB-7K3Q-9XPM', new Date('2026-06-02T10:30:00Z'))).toBe('New callback request CB-7K3Q-9XPM, due by Tue 2 Jun 11:30');
    expect(notificationText('new', 'CB-7K3Q-9XPM', new Date('2026-09-01T08:05:00Z'))).toBe('New callback request CB-7K3Q-9XPM, due by Tue 1 Sep 09:05');
  });
});

describe('2 working hours before the due time', () => {
  it('within one working day', () => {
    expect(workingTimeBefore(london(2026, 12, 2, 17), 2 * hours, weekdays, 'england-and-wales')).toEqual(london(2026, 12, 2, 15));
  });

  it('due Monday 10:00: one hour on Monday and the last hour of Friday', () => {
    expect(workingTimeBefore(london(2026, 11, 30, 10), 2 * hours, weekdays, 'england-and-wales')).toEqual(london(2026, 11, 27, 16));
  });

  it('skips a bank holiday: due Tuesday 29 December 2026 at 10:00 counts back past Boxing Day observed (Monday 28)', () => {
    expect(workingTimeBefore(london(2026, 12, 29, 10), 2 * hours, weekdays, 'england-and-wales')).toEqual(london(2026, 12, 24, 16));
  });

  it('due outside working hours (London midnight): the last two hours of that day', () => {
    expect(workingTimeBefore(london(2026, 12, 3), 2 * hours, weekdays, 'england-and-wales')).toEqual(london(2026, 12, 2, 15));
  });

  it('across the spring clock change (Monday 30 March 2026 after the Sunday change)', () => {
    expect(workingTimeBefore(london(2026, 3, 30, 10), 2 * hours, weekdays, 'england-and-wales')).toEqual(london(2026, 3, 27, 16));
  });

  it('with no callback hours at all, the clock', () => {
    const due = london(2026, 12, 2, 17);
    expect(workingTimeBefore(due, 2 * hours, {}, 'england-and-wales')).toEqual(new Date(due.getTime() - 2 * hours));
  });
});

describe('the outbox rows for a new request', () => {
  it('new now, due-soon at 2 working hours before, overdue at the due time, for each channel', () => {
    const createdAt = london(2026, 12, 1, 10);
    const due = london(2026, 12, 2, 17);
    expect(plannedNotifications(createdAt, due, ['email', 'webhook'], weekdays, 'england-and-wales')).toEqual([
      { kind: 'new', channel: 'email', runAt: createdAt },
      { kind: 'due-soon', channel: 'email', runAt: london(2026, 12, 2, 15) },
      { kind: 'overdue', channel: 'email', runAt: due },
      { kind: 'new', channel: 'webhook', runAt: createdAt },
      { kind: 'due-soon', channel: 'webhook', runAt: london(2026, 12, 2, 15) },
      { kind: 'overdue', channel: 'webhook', runAt: due },
    ]);
  });

  it('no due-soon when the request arrives already within 2 working hours of its due time; nothing without channels', () => {
    const createdAt = london(2026, 12, 2, 15, 30);
    const due = london(2026, 12, 2, 17);
    expect(plannedNotifications(createdAt, due, ['email'], weekdays, 'england-and-wales').map((n) => n.kind)).toEqual(['new', 'overdue']);
    expect(plannedNotifications(createdAt, due, [], weekdays, 'england-and-wales')).toEqual([]);
  });
});
