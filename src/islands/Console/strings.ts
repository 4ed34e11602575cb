// Types only: the staff schema (zod) stays on the server, out of every page's JavaScript.
import type { StaffKey } from '../../i18n/staff-schema.ts';

/** The console's strings, translated by the page and passed in. */
export type ConsoleStrings = Record<StaffKey, string>;

/** Fills in {{variables}} in one of the console's strings. */
export function fill(template: string, variables: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in variables ? String(variables[name]) : whole));
}
