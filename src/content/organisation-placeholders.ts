import type { LocaleCode } from '../i18n/locales.ts';
import type { LocaleStrings } from '../i18n/schema.ts';
import type { Organisation } from './organisation-schema.ts';

/**
 * Guidance Markdown states the landlord's promises through placeholders, so a landlord changes them
 * once in organisation.yaml and every page (in every language) follows:
 *   {{name}}                    inline value (see inlineValues)
 *   {{if sanctuaryScheme}} …     at the start of a paragraph or list item: kept only when the flag is true
 *   {{unless lifetimeTenancies}} …  kept only when the flag is false
 *   {{if sharing.crimesToPolice}} …  a sharing case from organisation.yaml's `sharing` section
 * An unknown name fails the build, so a typo never reaches a resident. Promises written in words
 * ({{firstContact}}, {{regularContact}}) come from the page's own language's UI strings (promise.* keys).
 */

/** A piece of text after placeholders are filled: plain text, a phone number or an email address. */
export type Segment = { text: string } | { phone: string } | { email: string };

/** Flags a paragraph can depend on with {{if …}} or {{unless …}}. */
export function conditionFlags(org: Organisation): Record<string, boolean> {
  const sharing = Object.fromEntries(Object.entries(org.sharing).map(([name, value]) => [`sharing.${name}`, value]));
  return { ...org.promises, lifetimeTenancies: org.lifetimeTenancies, ...sharing } as unknown as Record<string, boolean>;
}

/** Values an inline {{name}} is replaced with on a page in `lang`; `strings` are that language's UI strings. */
export function inlineValues(org: Organisation, lang: LocaleCode, strings: LocaleStrings): Record<string, Segment> {
  const days = org.promises.firstContactWorkingDays;
  // The same plural rules i18next uses, so each language gets the form its own grammar needs.
  const firstContact = strings[`promise.firstContact_${new Intl.PluralRules(lang).select(days)}`]!.replaceAll('{{count}}', String(days));
  return {
    name: { text: org.name },
    shortName: { text: org.shortName },
    phone: { phone: org.phone },
    firstContact: { text: firstContact },
    regularContact: { text: strings[`promise.regularContact.${org.promises.regularContact}`] },
    privacyContactName: { text: org.privacyContact.name },
    privacyContactEmail: { email: org.privacyContact.email },
    retentionDays: { text: String(org.retentionDays) },
  };
}

const inlinePattern = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const conditionPattern = /^\s*\{\{\s*(if|unless)\s+([A-Za-z]+(?:\.[A-Za-z]+)?)\s*\}\}\s*/;

/** Replaces every inline {{name}} in `text` with `values` (from inlineValues); throws naming the placeholder when it is unknown. */
export function fillInline(text: string, values: Record<string, Segment>): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const value = values[match[1]!];
    if (!value) throw new Error(`Unknown placeholder {{${match[1]}}}. Known: ${Object.keys(values).join(', ')}`);
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push(value);
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  const leftover = segments.find((s) => 'text' in s && s.text.includes('{{'));
  if (leftover && 'text' in leftover) {
    throw new Error(`Placeholder not understood in "${leftover.text.trim()}" ({{if …}} and {{unless …}} must start a paragraph or list item)`);
  }
  return segments;
}

/**
 * Reads a leading {{if flag}} / {{unless flag}}: `keep` says whether the paragraph stays and `rest`
 * is the text without the marker. Returns undefined when the text has no marker.
 */
export function readCondition(text: string, org: Organisation): { keep: boolean; rest: string } | undefined {
  const match = conditionPattern.exec(text);
  if (!match) return undefined;
  const flags = conditionFlags(org);
  const value = flags[match[2]!];
  if (typeof value !== 'boolean') {
    throw new Error(`Unknown condition {{${match[1]} ${match[2]}}}. Known: ${Object.keys(flags).join(', ')}`);
  }
  return { keep: match[1] === 'if' ? value : !value, rest: text.slice(match[0].length) };
}

/** True when the text holds any placeholder or condition, so the plugin can skip most text quickly. */
export const hasPlaceholder = (text: string) => text.includes('{{');
