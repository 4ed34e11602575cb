/**
 * Which notifications a new request gets, written to the outbox with it: "new" now, "due-soon"
 * when 2 working hours are left, "overdue" at the due time, one of each per configured channel.
 * The worker skips a reminder that is no longer true when its time comes (the case was claimed).
 */
import type { CallbackHours } from '../callback/slots.ts';
import type { BankHolidayRegion } from '../callback/working-days.ts';
import { workingTimeBefore } from '../callback/working-hours.ts';
import type { NewNotification, NotificationChannel } from '../queue/types.ts';

/** How long before the due time an unclaimed request is raised again, in working time. */
const dueSoonWorkingMs = 2 * 3_600_000;

/** The outbox rows for a request made at `createdAt` and due at `due`. No channels, no rows. */
export function plannedNotifications(
  createdAt: Date,
  due: Date,
  channels: readonly NotificationChannel[],
  hours: CallbackHours,
  region: BankHolidayRegion,
): NewNotification[] {
  const dueSoon = workingTimeBefore(due, dueSoonWorkingMs, hours, region);
  return channels.flatMap((channel) => [
    { kind: 'new' as const, channel, runAt: createdAt },
    // Already within 2 working hours when it arrives: the "new" message gives the due time.
    ...(dueSoon > createdAt ? [{ kind: 'due-soon' as const, channel, runAt: dueSoon }] : []),
    { kind: 'overdue' as const, channel, runAt: due },
  ]);
}
