import { z } from 'zod';

/**
 * Dates in content are written one way only, YYYY-MM-DD (2026-12-15): "05/01/2027" means May in the
 * US and January here, so any other form is an error, never a guess.
 */

/** What staff are told to write when a date is in any other form. */
export const isoDateHint = 'write the date as year-month-day, for example 2026-12-15';

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * A YYYY-MM-DD date as a Date at UTC midnight. Astro's YAML reader already turns an unquoted
 * 2026-12-15 into a Date (it does so for no other form); a quoted one arrives as text.
 */
export const isoDateSchema = z.union([
  z.date(),
  z.string().refine(isIsoDate, { error: isoDateHint }).transform((text) => new Date(`${text}T00:00:00Z`)),
], { error: isoDateHint });
