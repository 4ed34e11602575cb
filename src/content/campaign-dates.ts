/**
 * When a campaign is current. Pages are built ahead of time, so the build cannot know the day a
 * reader opens them: pages carry each campaign's dates, and the browser decides with this same
 * function (src/components/CampaignList.astro). Days are UK calendar days, whatever the
 * reader's or the server's time zone.
 */

/** Today's date in the UK as "YYYY-MM-DD". */
export function ukToday(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** True from the start of `start` to the end of `end` (both "YYYY-MM-DD", both included). */
export function isCurrent(today: string, start: string, end: string): boolean {
  return start <= today && today <= end;
}

/** True once the last day of the campaign is over. */
export function hasEnded(today: string, end: string): boolean {
  return today > end;
}
