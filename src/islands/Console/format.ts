/** How the console writes times, phone numbers and safe times: UK time, in plain words. */

const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const ukDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });

/** "Mon 2 Nov, 09:00" in UK time. */
export function ukTime(iso: string): string {
  return ukDateTime.format(new Date(iso));
}

/** "3 hours", "2 days", "25 minutes": the gap between two instants, rounded down to its largest unit. */
export function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** +447700900123 → "07700 900123" (how people in the UK read a number). */
export function ukNational(e164: string): string {
  if (!e164.startsWith('+44')) return e164;
  const national = `0${e164.slice(3)}`;
  return national.length === 11 ? `${national.slice(0, 5)} ${national.slice(5)}` : national;
}

/** "2026-11-02T09:00-11:00" (London time) → "Monday 2 November, 09:00 to 11:00". */
export function safeTime(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  const [, y, m, d, from, to] = match;
  return `${ukDay.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))))}, ${from} to ${to}`;
}
