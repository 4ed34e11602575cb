import { readdirSync, readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { parseOrganisation, type Organisation } from '../../../src/content/organisation-schema.ts';
import { fillInline, readCondition } from '../../../src/content/organisation-placeholders.ts';
import { placeholdersPlugin } from '../../../src/content/placeholders-plugin.ts';
import { phoneLinksPlugin } from '../../../src/content/phone-links-plugin.mjs';

const shipped = parseOrganisation(readFileSync('src/content/organisation.yaml', 'utf8'));
const withChanges = (change: (org: Organisation) => void): Organisation => {
  const copy = structuredClone(shipped);
  change(copy);
  return copy;
};
const render = (markdown: string, org = shipped) => markdownToHtml(markdown, { hastPlugins: [placeholdersPlugin(org), phoneLinksPlugin] }).html;

describe('organisation placeholders in guidance', () => {
  it('fills promises from organisation.yaml, with the right plural', () => {
    expect(fillInline('within {{firstContact}}', shipped)).toEqual([{ text: 'within ' }, { text: '1 working day' }]);
    const slower = withChanges((o) => void (o.promises.firstContactWorkingDays = 3));
    expect(fillInline('{{firstContact}}', slower)).toEqual([{ text: '3 working days' }]);
    const weekly = withChanges((o) => void (o.promises.regularContact = 'weekly'));
    expect(fillInline('{{regularContact}}', weekly)).toEqual([{ text: 'every week' }]);
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
    expect(() => fillInline('{{phoneNumber}}', shipped)).toThrow(/Unknown placeholder \{\{phoneNumber\}\}/);
    expect(() => readCondition('{{if refuges}} x', shipped)).toThrow(/Unknown condition \{\{if refuges\}\}/);
    expect(() => render('Text then {{if sanctuaryScheme}} too late.')).toThrow(/must start a paragraph/);
  });

  it('every shipped guidance page uses only known placeholders', () => {
    for (const file of readdirSync('src/content/guidance/en')) {
      const body = readFileSync(`src/content/guidance/en/${file}`, 'utf8').replace(/^---[\s\S]*?---/, '');
      const html = render(body);
      expect(html, file).not.toContain('{{');
    }
  });
});
