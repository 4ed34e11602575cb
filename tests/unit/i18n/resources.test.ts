import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/locales.ts';
import { parseUiStrings, resources } from '../../../src/i18n/resources.ts';
import { pluralForms, uiKeys, uiSchemaFor } from '../../../src/i18n/schema.ts';
import { translatorFor } from '../../../src/i18n/translate.ts';

const english = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, string>;
const pluralKeys = Object.entries(uiKeys)
  .filter(([, declaration]) => 'plural' in declaration)
  .map(([key]) => key);
const vars = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();

/** The declared key a locale key belongs to: "quickExit.pressesLeft_few" → "quickExit.pressesLeft". */
const declaredKey = (key: string) => pluralKeys.find((base) => key.startsWith(`${base}_`)) ?? key;

describe('UI strings', () => {
  it('has a file for every language, each with every key', () => {
    for (const { code } of locales) {
      expect(Object.keys(resources[code]).sort(), code).toEqual(Object.keys(uiSchemaFor(code).shape).sort());
    }
  });

  it('rejects a locale with a missing key, naming the key', () => {
    const { ['quickExit.label']: _dropped, ...rest } = english;
    expect(() => parseUiStrings('xx', rest)).toThrow(/locales\/xx\.json.*quickExit\.label/);
  });

  it('rejects a locale with a stray key, naming the key', () => {
    expect(() => parseUiStrings('xx', { ...english, 'quickExit.typo': 'x' })).toThrow(/stray key\(s\) quickExit\.typo/);
  });

  it('rejects an empty string', () => {
    expect(() => parseUiStrings('xx', { ...english, 'home.title': '' })).toThrow(/home\.title/);
  });

  it('keeps the same {{variables}} in every translation as in English', () => {
    for (const { code } of locales) {
      for (const [key, value] of Object.entries(resources[code])) {
        const base = declaredKey(key);
        if (base === key) {
          expect(vars(value), `${code} ${key}`).toEqual(vars(english[key]!));
        } else {
          // A plural form may spell its number out ("twice"), so only {{count}} may be left out.
          const others = (s: string) => vars(s).filter((v) => v !== '{{count}}');
          expect(others(value), `${code} ${key}`).toEqual(others(english[`${base}_other`]!));
        }
      }
    }
  });
});

describe('plural strings', () => {
  it('declares English, the source language, with the two forms the types assume', () => {
    expect(pluralForms('en').sort()).toEqual(['one', 'other']);
  });

  it('asks each language for exactly the forms Intl.PluralRules gives it', () => {
    expect(pluralForms('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    for (const { code } of locales) {
      for (const base of pluralKeys) {
        const forms = Object.keys(resources[code])
          .filter((key) => key.startsWith(`${base}_`))
          .map((key) => key.slice(base.length + 1));
        expect(forms.sort(), `${code} ${base}`).toEqual(pluralForms(code).sort());
      }
    }
  });

  it('rejects a file that lacks a plural form its language needs, naming it', () => {
    const arabic = JSON.parse(readFileSync('locales/ar.json', 'utf8')) as Record<string, string>;
    const { ['quickExit.pressesLeft_two']: _dropped, ...rest } = arabic;
    expect(() => parseUiStrings('ar', rest)).toThrow(/quickExit\.pressesLeft_two/);
  });

  it('rejects a plural form the language does not have', () => {
    expect(() => parseUiStrings('en', { ...english, 'quickExit.pressesLeft_few': 'x' })).toThrow(
      /stray key\(s\) quickExit\.pressesLeft_few/,
    );
  });

  it('picks the right form for each count', () => {
    const en = translatorFor('en');
    expect(en('quickExit.pressesLeft', { count: 1 })).toBe(english['quickExit.pressesLeft_one']);
    expect(en('quickExit.pressesLeft', { count: 2 })).toBe('Press Shift 2 more times to leave this page.');
    const ar = translatorFor('ar');
    expect(ar('quickExit.pressesLeft', { count: 1 })).toBe(resources.ar['quickExit.pressesLeft_one']);
    expect(ar('quickExit.pressesLeft', { count: 2 })).toBe(resources.ar['quickExit.pressesLeft_two']);
    expect(ar('quickExit.pressesLeft', { count: 3 })).toBe(resources.ar['quickExit.pressesLeft_few']!.replace('{{count}}', '3'));
  });
});
