import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/locales.ts';
import { parseUiStrings, resources } from '../../../src/i18n/resources.ts';
import { uiSchema } from '../../../src/i18n/schema.ts';

const english = JSON.parse(readFileSync('locales/en.json', 'utf8')) as Record<string, string>;

describe('UI strings', () => {
  it('has a file for every language, each with every key', () => {
    const keys = Object.keys(uiSchema.shape).sort();
    for (const { code } of locales) {
      expect(Object.keys(resources[code]).sort(), code).toEqual(keys);
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
    const vars = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const { code } of locales) {
      for (const [key, value] of Object.entries(resources[code])) {
        expect(vars(value), `${code} ${key}`).toEqual(vars(english[key]!));
      }
    }
  });
});
