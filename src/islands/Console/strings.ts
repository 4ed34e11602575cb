import { staffKeys, type StaffKey } from '../../i18n/staff-schema.ts';

/** Every staff key the console shows (all but the sign-in, enrolment and home pages' own). */
export const consoleKeys = (Object.keys(staffKeys) as StaffKey[]).filter((k) => !/^(signIn|enrol|home)\./.test(k));

/** The console's strings, translated by the page and passed in. */
export type ConsoleStrings = Record<StaffKey, string>;

/** Fills in {{variables}} in one of the console's strings. */
export function fill(template: string, variables: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in variables ? String(variables[name]) : whole));
}
