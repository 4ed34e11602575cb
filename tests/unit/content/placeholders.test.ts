import { readdirSync, readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parseOrganisation, type Organisation } from '../../../src/content/organisation-schema.ts';
import { fillInline, inlineValues, readCondition } from '../../../src/content/organisation-placeholders.ts';
import { contentLanguage, placeholdersPlugin } from '../../../src/content/placeholders-plugin.ts';
import { localeCodes, type LocaleCode } from '../../../src/i18n/locales.ts';
import { readUiStringsFromDisk } from '../../../src/i18n/ui-strings-from-disk.ts';
import { phoneLinksPlugin } from '../../../src/content/phone-links-plugin.mjs';

const shipped = parseOrganisation(readFileSync('src/content/organisation.yaml', 'utf8'));
const withChanges = (change: (org: Organisation) => void): Organisation => {
  const copy = structuredClone(shipped);
  change(copy);
  return copy;
};
const uiStrings = readUiStringsFromDisk();
const render = (markdown: string, org = shipped, path?: string) =>
  markdownToHtml(markdown, { hastPlugins: [placeholdersPlugin(org, uiStrings), phoneLinksPlugin], ...(path && { fileURL: new URL(`file:///site/${path}`) }) }).html;
const valuesIn = (lang: LocaleCode, org = shipped) => inlineValues(org, lang, uiStrings[lang]);
/** The phrase {{name}} becomes on a page in `lang`. */
const phrase = (name: 'firstContact' | 'regularContact', lang: LocaleCode, org = shipped) => fillInline(`{{${name}}}`, valuesIn(lang, org)).map((s) => ('text' in s ? s.text : '')).join('');
const firstContactIn = (days: number) => withChanges((o) => void (o.promises.firstContactWorkingDays = days));
const frequencies = ['weekly', 'fortnightly', 'monthly'] as const;
const contactEvery = (frequency: (typeof frequencies)[number]) => withChanges((o) => void (o.promises.regularContact = frequency));
const translated = localeCodes.filter((lang) => lang !== 'en');

describe('organisation placeholders in guidance', () => {
  it('fills promises from organisation.yaml, with the right plural', () => {
    expect(fillInline('within {{firstContact}}', valuesIn('en'))).toEqual([{ text: 'within ' }, { text: '1 working day' }]);
    expect(phrase('firstContact', 'en', firstContactIn(3))).toBe('3 working days');
    expect(phrase('regularContact', 'en', contactEvery('weekly'))).toBe('every week');
    expect(phrase('regularContact', 'en', contactEvery('fortnightly'))).toBe('every 2 weeks');
    expect(phrase('regularContact', 'en', contactEvery('monthly'))).toBe('every month');
  });

  it('states each promise in the words of each language, with its own plural, never in English', () => {
    const english = /\b(working|days?|weeks?|months?|every)\b/i;
    for (const lang of translated) {
      const one = phrase('firstContact', lang, firstContactIn(1));
      const three = phrase('firstContact', lang, firstContactIn(3));
      expect(three, lang).toContain('3');
      expect(one, lang).not.toBe(phrase('firstContact', 'en', firstContactIn(1)));
      const often = frequencies.map((frequency) => phrase('regularContact', lang, contactEvery(frequency)));
      expect(new Set(often).size, `${lang}: ${often.join(' / ')}`).toBe(3);
      for (const text of [one, three, ...often]) {
        expect(text, lang).not.toMatch(english);
        expect(text, lang).not.toContain('{{');
      }
    }
    // Plural forms each language's grammar needs, in the case the pages' sentences call for.
    expect(phrase('firstContact', 'pl', firstContactIn(1))).toBe('1 dnia roboczego');
    expect(phrase('firstContact', 'pl', firstContactIn(3))).toBe('3 dni roboczych');
    expect(phrase('firstContact', 'uk', firstContactIn(5))).toBe('5 робочих днів');
    expect(phrase('firstContact', 'ro', firstContactIn(1))).toBe('1 zi lucrătoare');
    expect(phrase('firstContact', 'ar', firstContactIn(2))).toBe('يومَي عمل');
    expect(phrase('firstContact', 'ar', firstContactIn(3))).toBe('3 أيام عمل');
    expect(phrase('regularContact', 'pl', contactEvery('fortnightly'))).toBe('co 2 tygodnie');
  });

  it("fills each content file in its own folder's language, and English elsewhere", () => {
    const markdown = 'W ciągu {{firstContact}}; kontakt: {{regularContact}}.';
    const polish = render(markdown, shipped, 'src/content/guidance/pl/how-we-can-help.md');
    expect(polish).toContain('W ciągu 1 dnia roboczego; kontakt: co 2 tygodnie.');
    expect(polish).not.toMatch(/working|every/);
    expect(render('{{regularContact}}', contactEvery('monthly'), 'src/content/campaigns/ro/x.md')).toContain('lunar');
    expect(render('{{firstContact}}', shipped, 'src/content/guidance/en/x.md')).toContain('1 working day');
    expect(render('{{firstContact}}')).toContain('1 working day');
    expect(contentLanguage(new URL('file:///site/src/content/guidance/ur/x.md'))).toBe('ur');
    expect(() => render('{{firstContact}}', shipped, 'src/content/guidance/xx/x.md')).toThrow(/"xx" is not one of the site's languages/);
  });

  it("changes the plugin (and so Astro's config digest) when any language's promise changes", () => {
    const digest = (org: Organisation) => JSON.stringify((placeholdersPlugin(org) as unknown as { values: unknown }).values);
    expect(digest(contactEvery('weekly'))).not.toBe(digest(contactEvery('monthly')));
    expect(digest(shipped)).toContain('1 dnia roboczego');
  });

  it("renders the team's phone as a tel: link styled like every other number", () => {
    const html = render('Call us on {{phone}}.');
    expect(html).toContain(`<a href="tel:07700900000" dir="ltr" class="phone">${shipped.phone}</a>`);
  });

  it('keeps or drops a paragraph or list item by a promise flag', () => {
    const markdown = '{{if lifetimeTenancies}} We give lifetime tenancies.\n\n{{unless lifetimeTenancies}} Ask us.\n\n- {{if sanctuaryScheme}} Locks.\n- Always.';
    const offers = render(markdown);
    expect(offers).toContain('<p>We give lifetime tenancies.</p>');
    expect(offers).not.toContain('Ask us.');
    expect(offers).toContain('<li>Locks.</li>');
    const doesNot = render(markdown, withChanges((o) => {
      o.lifetimeTenancies = false;
      o.promises.sanctuaryScheme = false;
    }));
    expect(doesNot).not.toContain('lifetime tenancies');
    expect(doesNot).toContain('<p>Ask us.</p>');
    expect(doesNot).not.toContain('Locks.');
    expect(doesNot).toContain('<li>Always.</li>');
  });

  it('keeps or drops a list item by a sharing case from organisation.yaml', () => {
    const markdown = '- {{if sharing.withConsent}} With your permission.\n- {{if sharing.crimesToPolice}} Crimes to the police.';
    expect(render(markdown)).toContain('<li>Crimes to the police.</li>');
    const narrower = render(markdown, withChanges((o) => void (o.sharing.crimesToPolice = false)));
    expect(narrower).toContain('<li>With your permission.</li>');
    expect(narrower).not.toContain('Crimes to the police.');
    expect(() => readCondition('{{if sharing.always}} x', shipped)).toThrow(/Unknown condition \{\{if sharing\.always\}\}/);
  });

  it('fails the build on an unknown placeholder or condition, naming it', () => {
    expect(() => fillInline('{{phoneNumber}}', valuesIn('en'))).toThrow(/Unknown placeholder \{\{phoneNumber\}\}/);
    expect(() => readCondition('{{if refuges}} x', shipped)).toThrow(/Unknown condition \{\{if refuges\}\}/);
    expect(() => render('Text then {{if sanctuaryScheme}} too late.')).toThrow(/must start a paragraph/);
  });

  it('every shipped guidance page uses only known placeholders, and no translated page is filled with English', () => {
    for (const lang of localeCodes) {
      for (const file of readdirSync(`src/content/guidance/${lang}`)) {
        const path = `src/content/guidance/${lang}/${file}`;
        const html = render(readFileSync(path, 'utf8').replace(/^---[\s\S]*?---/, ''), shipped, path);
        expect(html, path).not.toContain('{{');
        if (lang !== 'en') expect(html, path).not.toMatch(/working day|every 2 weeks/);
      }
    }
  });
});
