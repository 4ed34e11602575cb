import { describe, expect, it } from 'vitest';
import { langFromPath, localizedPath, switchLanguage, templateParts, translatorFor } from '../../../src/i18n/translate.ts';

describe('translate', () => {
  it('translates into the fixed language and fills variables', () => {
    expect(translatorFor('en')('helpNow.danger', { number: '999' })).toBe('In danger now? Call 999.');
    expect(translatorFor('ar')('quickExit.label')).toBe('اخرج من هذه الصفحة');
  });

  it('builds language-prefixed paths with a trailing slash', () => {
    expect(localizedPath('en')).toBe('/en/');
    expect(localizedPath('ar', 'help-now')).toBe('/ar/help-now/');
    expect(localizedPath('ar', '/help-now/')).toBe('/ar/help-now/');
  });

  it('keeps the page when switching language', () => {
    expect(switchLanguage('/en/help-now/', 'ar')).toBe('/ar/help-now/');
    expect(switchLanguage('/ar/', 'en')).toBe('/en/');
    expect(switchLanguage('/', 'ar')).toBe('/ar/');
  });

  it('reads the language from the path, defaulting to English', () => {
    expect(langFromPath('/ar/about/')).toBe('ar');
    expect(langFromPath('/zz/about/')).toBe('en');
    expect(langFromPath('/')).toBe('en');
  });

  it('splits a string around its variables in the translator’s order', () => {
    expect(templateParts('en', 'helpNow.silent')).toEqual([
      { text: "Can't speak? Call " },
      { variable: 'number' },
      { text: '. On a mobile, press ' },
      { variable: 'code' },
      { text: ' when you are asked (this does not tell them where you are). On a landline, stay on the line.' },
    ]);
  });
});
