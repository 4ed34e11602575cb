import { describe, expect, it } from 'vitest';
import { asciiDigits, callbackErrorKeys, callbackSchema, fieldErrors } from '../../../src/callback/schema.ts';
import { resources } from '../../../src/i18n/resources.ts';
import { invalidRequests, phoneSpellings, validRequest } from '../../fixtures/callback-requests.ts';

describe('callbackSchema', () => {
  it.each(phoneSpellings.accepted)('accepts %s and stores it as E.164', (phone) => {
    const result = callbackSchema.parse(validRequest({ phone }));
    expect(result.phone).toBe(phoneSpellings.e164);
  });

  // Every numbering system the site's languages write numbers in (ICU's names), plus Devanagari and full-width.
  const numberingSystems = ['latn', 'arab', 'arabext', 'beng', 'guru', 'gujr', 'deva', 'fullwide'];
  it.each(numberingSystems)('accepts a number typed in %s digits and stores it as E.164', (numberingSystem) => {
    const digits = new Intl.NumberFormat('en', { numberingSystem, useGrouping: false });
    const typed = `${digits.format(0)}${digits.format(7700)} ${digits.format(900123)}`;
    if (numberingSystem !== 'latn') expect(typed).not.toMatch(/[0-9]/);
    expect(callbackSchema.parse(validRequest({ phone: typed })).phone).toBe(phoneSpellings.e164);
  });

  it('reads Bengali, Gurmukhi and Gujarati digits as the issue typed them', () => {
    for (const phone of ['০৭৭০০ ৯০০১২৩', '੦੭੭੦੦ ੯੦੦੧੨੩', '૦૭૭૦૦ ૯૦૦૧૨૩', '+৪৪ ৭৭০০ ৯০০১২৩']) {
      expect(callbackSchema.parse(validRequest({ phone })).phone, phone).toBe(phoneSpellings.e164);
    }
    // Digits of other scripts are left alone, and so still refused.
    expect(asciiDigits('੦੭ ၀၇')).toBe('07 ၀၇');
  });

  it('strips bidi controls and control characters from free text, keeping line breaks in the message only', () => {
    const result = callbackSchema.parse(
      validRequest({
        askFor: 'Ro\u202Ebin\u0000',
        safeWord: 'ap\u2066ple\u2069\ttree',
        ifSomeoneElseAnswers: 'say\r\nwrong number\u0007',
        language: '\u202AUrdu\u202C',
        message: 'line one\r\nline two\u0000\u001B[31m\u009B\u2067x\u2069',
      }),
    );
    expect(result).toMatchObject({ askFor: 'Robin', safeWord: 'apple tree', ifSomeoneElseAnswers: 'say wrong number', language: 'Urdu', message: 'line one\nline two[31mx' });
    for (const value of [result.askFor, result.safeWord, result.ifSomeoneElseAnswers, result.language, result.message]) {
      expect(value).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    }
  });

  it('fills the safe defaults for optional answers', () => {
    const result = callbackSchema.parse(validRequest());
    expect(result).toMatchObject({ interpreter: 'no', interpreterGender: 'any', access: [], topics: [], message: '' });
  });

  it.each(invalidRequests)('refuses $name, naming $field with a translatable key', ({ body, field, key }) => {
    const result = callbackSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)[field as keyof ReturnType<typeof fieldErrors>]).toBe(key);
  });

  it('gives every error key a translation in every language, so zod\'s English never shows', () => {
    for (const strings of Object.values(resources)) {
      for (const key of callbackErrorKeys) expect(strings[key], key).toBeTruthy();
    }
  });

  it('maps anything at all to keys, never to zod\'s own messages', () => {
    const result = callbackSchema.safeParse({ phone: 42, safeTime: 'x', access: [1], consent: true, extra: {} });
    for (const key of Object.values(fieldErrors(result.error!))) expect(callbackErrorKeys).toContain(key);
  });
});
