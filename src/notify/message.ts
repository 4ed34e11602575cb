/**
 * What a notification says: the reference, why, and the due time in UK time. Nothing else, by
 * design: an inbox, a phone's lock screen or a chat channel is read by more people than the case
 * team, so nothing from the sealed request (not even its language or safe times) may appear.
 */
import type { NotificationKind } from '../queue/types.ts';

const ukTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
// Fixed, not from Intl: newer ICU data spells September "Sept" in en-GB, and a receiver may parse this.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 3 Dec 17:00", London time. */
export function ukDueTime(at: Date): string {
  const p = Object.fromEntries(ukTime.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.weekday} ${Number(p.day)} ${months[Number(p.month) - 1]} ${p.hour}:${p.minute}`;
}

/** The whole message: one line, the same in the email's subject and body and in the webhook's text. */
export function notificationText(kind: NotificationKind, reference: string, dueBy: Date): string {
  const due = ukDueTime(dueBy);
  switch (kind) {
    case 'new':
      return `New callback request ${reference}, due by ${due}`;
    case 'due-soon':
      return `Due within 2 working hours, not yet claimed: ${reference}, due by ${due}`;
    case 'overdue':
      return `Overdue: ${reference}, was due by ${due}`;
  }
}
