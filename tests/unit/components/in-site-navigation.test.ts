import { describe, expect, it } from 'vitest';
import { replacementFor, type LinkClick } from '../../../src/components/in-site-navigation.ts';

const page = 'https://homes.example/en/help-now/';
const click = (href: string, extra: Partial<LinkClick> = {}): LinkClick => ({ href, target: '', download: false, button: 0, modified: false, ...extra });

describe('replacementFor', () => {
  it('replaces the entry for pages within the site, the language switcher included', () => {
    expect(replacementFor(click('https://homes.example/en/about/'), page)).toBe('https://homes.example/en/about/');
    expect(replacementFor(click('https://homes.example/ar/help-now/'), page)).toBe('https://homes.example/ar/help-now/');
  });

  it('replaces the entry for in-page anchors too, so Back after an exit still leaves the site', () => {
    expect(replacementFor(click('https://homes.example/en/help-now/#main-content'), page)).toBe(
      'https://homes.example/en/help-now/#main-content',
    );
  });

  it('leaves phone links, e-mail links and other websites to the browser', () => {
    expect(replacementFor(click('tel:08082000247'), page)).toBeNull();
    expect(replacementFor(click('mailto:privacy@example.org'), page)).toBeNull();
    expect(replacementFor(click('https://www.bbc.co.uk/weather'), page)).toBeNull();
    expect(replacementFor(click('http://homes.example/en/about/'), page)).toBeNull();
  });

  it('leaves new tabs, new windows and downloads to the browser', () => {
    const href = 'https://homes.example/en/about/';
    expect(replacementFor(click(href, { modified: true }), page)).toBeNull();
    expect(replacementFor(click(href, { button: 1 }), page)).toBeNull();
    expect(replacementFor(click(href, { target: '_blank' }), page)).toBeNull();
    expect(replacementFor(click(href, { download: true }), page)).toBeNull();
    expect(replacementFor(click(href, { target: '_self' }), page)).toBe(href);
  });
});
