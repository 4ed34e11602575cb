import { describe, expect, it } from 'vitest';
import { callbackErrorKeys, callbackSchema, fieldErrors } from '../../../src/callback/schema.ts';
import { resources } from '../../../src/i18n/resources.ts';
import { invalidRequests, phoneSpellings, validRequest } from '../../fixtures/callback-requests.ts';

describe('callbackSchema', () => {
  it.each(phoneSpellings.accepted)('accepts %s and stores it as E.164', (phone) => {
    const result = callbackSchema.parse(validRequest({ phone }));
    expect(result.phone).toBe(phoneSpellings.e164);
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
