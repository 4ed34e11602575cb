/** How long a directory entry may go unchecked before content:status lists it. */
export const freshForMonths = 6;

/** The day `months` calendar months before `today` (clamped to the month's last day, so 31 Aug → 28/29 Feb). */
export function monthsBefore(today: Date, months: number): Date {
  const target = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(today.getUTCDate(), lastDay));
  return target;
}

/** Entries whose lastVerified is more than `months` months before `today`, oldest first. */
export function staleEntries<T extends { id: string; lastVerified: Date }>(
  entries: readonly T[],
  today: Date,
  months = freshForMonths,
): T[] {
  const cutoff = monthsBefore(today, months).getTime();
  return entries.filter((e) => e.lastVerified.getTime() < cutoff).sort((a, b) => a.lastVerified.getTime() - b.lastVerified.getTime());
}
