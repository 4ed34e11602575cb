import { describe, expect, it } from 'vitest';
import { fallbackTabTitle, tabIdentity } from '../../../src/layouts/tab-identity.ts';
import { locales } from '../../../src/i18n/locales.ts';
import { translatorFor } from '../../../src/i18n/translate.ts';

const page = {
  title: 'Domestic abuse: stay safe in your home',
  description: 'What to do if someone at home hurts you.',
  siteName: 'Example Homes',
  neutralTitle: 'Help and advice',
};

describe('tabIdentity', () => {
  it('describes the page when discreet titles are off (WCAG 2.4.2)', () => {
    expect(tabIdentity({ ...page, discreet: false })).toEqual({
      title: 'Domestic abuse: stay safe in your home – Example Homes',
      favicon: '/favicon.svg',
      description: 'What to do if someone at home hurts you.',
    });
  });

  it('gives every page the same neutral title and icon, and no description, when they are on', () => {
    const identity = tabIdentity({ ...page, discreet: true });
    expect(identity).toEqual({ title: 'Help and advice – Example Homes', favicon: '/favicon-neutral.svg' });
    expect(JSON.stringify(identity)).not.toMatch(/abuse|safe/i);
    expect(tabIdentity({ ...page, title: 'Cover your tracks', discreet: true })).toEqual(identity);
  });
});

describe('fallbackTabTitle', () => {
  it("names a page shown in English in the reader's language, from the page's own UI string", () => {
    expect(fallbackTabTitle('moving-home', translatorFor('ur'))).toBe(`${translatorFor('ur')('home.routeMove')} (انگریزی میں)`);
    expect(fallbackTabTitle('moving-home', translatorFor('pl'))).toBe(`${translatorFor('pl')('home.routeMove')} (po angielsku)`);
  });

  it('says "Page in English" in the reader\'s language when the page has no translated name', () => {
    expect(fallbackTabTitle('clares-law', translatorFor('ur'))).toBe('انگریزی میں صفحہ');
    expect(fallbackTabTitle('clares-law', translatorFor('pa'))).toBe('ਅੰਗਰੇਜ਼ੀ ਵਿੱਚ ਪੰਨਾ');
  });

  it('leaves none of the English title in the tab in any other language', () => {
    for (const { code } of locales.filter((l) => l.code !== 'en')) {
      for (const slug of ['moving-home', 'staying-in-your-home', 'glossary', 'clares-law']) {
        const title = fallbackTabTitle(slug, translatorFor(code));
        expect(title, `${code} ${slug}`).not.toMatch(/English|Move somewhere|Stay safe|Words we use|Page in/);
        expect(title, `${code} ${slug}`).not.toBe(fallbackTabTitle(slug, translatorFor('en')));
      }
    }
  });
});
