/**
 * t() for staff pages: English strings from locales/staff/en.json, parsed against the staff schema
 * at build (a missing or stray key stops it). Interpolates {{variables}} like i18next does.
 */
import english from '../../locales/staff/en.json' with { type: 'json' };
import { staffStringsSchema, type StaffKey } from './staff-schema.ts';

const parsed = staffStringsSchema.safeParse(english);
if (!parsed.success) throw new Error(`locales/staff/en.json does not match src/i18n/staff-schema.ts: ${parsed.error.message}`);
const strings = parsed.data;

/** Translates a staff key, filling in {{variables}}. */
export function staffT(key: StaffKey, variables: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in variables ? String(variables[name]) : whole));
}

/** The strings for a list of keys, for an island's props. */
export function staffStrings<K extends StaffKey>(keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, strings[k]])) as Record<K, string>;
}
