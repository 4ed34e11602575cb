/**
 * The callback request: one zod schema for the browser form (react-hook-form) and the server.
 * Every message is a UI key, never English text: `errorKeyFor` turns an issue into the key the
 * page translates. The schema does no I/O.
 */
import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import { z } from 'zod/mini';
// Only GB's part of libphonenumber's metadata: the whole file would add 80 kB to the form's
// JavaScript. Jersey, Guernsey and the Isle of Man share +44 and GB's number lengths, so their
// numbers still parse (as GB); with them in, every parse first asked which of the four a number
// belongs to, which we never need and which cost six times the rest of the parse.
// tests/unit/callback/uk-phone-metadata.test.ts checks it matches the installed package.
import ukPhoneMetadata from './uk-phone-metadata.json' with { type: 'json' };

/** The translated messages a field can show, by UI key. */
export const callbackErrorKeys = [
  'callbackForm.errorPhoneMissing',
  'callbackForm.errorPhoneInvalid',
  'callbackForm.errorMethod',
  'callbackForm.errorSafeTime',
  'callbackForm.errorSafeTimePassed',
  'callbackForm.errorYesNo',
  'callbackForm.errorConsent',
  'callbackForm.errorTooLong',
  'callbackForm.errorMessageTooLong',
  'callbackForm.errorChoice',
  'callbackForm.errorExpired',
] as const;

/** One of the keys above. */
export type CallbackErrorKey = (typeof callbackErrorKeys)[number];

/**
 * The "0" of each set of decimal digits our readers may type a number in: ASCII, Arabic-Indic (ar),
 * Extended Arabic-Indic (ur, fa), Devanagari, Bengali (bn), Gurmukhi (pa), Gujarati (gu) and
 * full-width. Each set runs 0 to 9 from its zero, as every Unicode decimal digit set does.
 */
const digitZeros = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xff10];

/** `value` with every digit from the sets above as its ASCII digit ("০৭৭০০" → "07700"); other characters unchanged. */
export function asciiDigits(value: string): string {
  return value.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = digitZeros.find((z) => code >= z && code <= z + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

/** Bidi embeddings, overrides and isolates: they make text display differently from what was typed. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Free text with nothing in it that could hide or disguise what was typed: no bidi controls, no
 * NUL or other control characters. A tab becomes a space; line breaks become "\n" in the message
 * (`multiline`) and a space elsewhere.
 */
export function plainText(value: string, multiline: boolean): string {
  const text = value.replace(/\r\n?/g, '\n').replace(bidiControls, '').replace(/\t/g, ' ');
  return (multiline ? text : text.replace(/\n/g, ' ')).replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');
}

/**
 * A UK number in any usual spelling, as E.164 ("+447700900123"), or undefined. It must be a possible
 * UK number of a kind we can call back: geographic (01, 02), 03 or mobile (07). Possible, not
 * "valid": libphonenumber's validity tracks which blocks are assigned today, and would refuse
 * newly issued ranges as well as Ofcom's drama range, which the tests use.
 */
export function toE164(value: string): string | undefined {
  const parsed = parsePhoneNumberFromString(asciiDigits(value), 'GB', ukPhoneMetadata as unknown as MetadataJson);
  if (!parsed || parsed.countryCallingCode !== '44' || !parsed.isPossible()) return undefined;
  // 02, 03 and 07 numbers have 10 digits after the 0; 01 numbers have 9 or 10.
  return /^(?:[237]\d{9}|1\d{8,9})$/.test(parsed.nationalNumber) ? parsed.number : undefined;
}

const err = (key: CallbackErrorKey) => ({ error: key });
const yesNo = z.enum(['yes', 'no'], err('callbackForm.errorYesNo'));
const shortText = (max: number) =>
  z._default(
    z.string(err('callbackForm.errorTooLong')).check(
      z.overwrite((v) => plainText(v, false)),
      z.trim(),
      z.maxLength(max, err('callbackForm.errorTooLong')),
    ),
    '',
  );
/** A checkbox group: some of `options`, never more values than there are boxes. */
const choices = <const T extends readonly string[]>(options: T) =>
  z._default(
    z.array(z.enum(options, err('callbackForm.errorChoice')), err('callbackForm.errorChoice')).check(z.maxLength(options.length, err('callbackForm.errorChoice'))),
    [],
  );

export const accessNeeds = ['bsl', 'relay-uk', 'easy-read'] as const;
export const topics = ['safe-at-home', 'moving', 'money', 'children', 'other'] as const;
export const interpreterGenders = ['any', 'female', 'male'] as const;
export const messageMaxLength = 500;

/** Optional free text of up to 500 characters, line breaks kept: the callback's message, the feedback's comment. */
export const messageText = z._default(
  z
    .string(err('callbackForm.errorMessageTooLong'))
    .check(
      z.overwrite((v) => plainText(v, true)),
      z.trim(),
      z.maxLength(messageMaxLength, err('callbackForm.errorMessageTooLong')),
    ),
  '',
);

/** A safe-time window value, "2026-11-02T09:00-11:00" in London time (see slots.ts). */
const safeTimeValue = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}-\d{2}:\d{2}$/;

// zod/mini rather than zod: the form's JavaScript carries only the checks used here, not all of zod.
// Checks with no key of their own name one anyway: zod/mini has no English messages, so its
// fallback would show the words "Invalid input" untranslated in the form.
export const callbackSchema = z.object({
  phone: z.pipe(
    z
      .string(err('callbackForm.errorPhoneMissing'))
      .check(z.trim(), z.minLength(1, err('callbackForm.errorPhoneMissing')), z.maxLength(30, err('callbackForm.errorPhoneInvalid'))),
    // One parse does both: libphonenumber is the costliest step of checking a request.
    z.transform((v: string, ctx) => {
      const e164 = toE164(v);
      if (e164 === undefined) ctx.issues.push({ code: 'custom', message: 'callbackForm.errorPhoneInvalid', input: v });
      return e164 ?? z.NEVER;
    }),
  ),
  method: z.enum(['call', 'text'], err('callbackForm.errorMethod')),
  safeTime: z
    .array(z.string(err('callbackForm.errorChoice')).check(z.regex(safeTimeValue, err('callbackForm.errorSafeTime'))), err('callbackForm.errorSafeTime'))
    .check(z.minLength(1, err('callbackForm.errorSafeTime')), z.maxLength(50, err('callbackForm.errorSafeTime'))),
  voicemail: yesNo,
  sayWhoWeAre: yesNo,
  consent: z.literal('yes', err('callbackForm.errorConsent')),
  askFor: shortText(60),
  ifSomeoneElseAnswers: shortText(200),
  safeWord: shortText(60),
  language: shortText(60),
  interpreter: z._default(yesNo, 'no'),
  interpreterGender: z._default(z.enum(interpreterGenders, err('callbackForm.errorChoice')), 'any'),
  access: choices(accessNeeds),
  topics: choices(topics),
  message: messageText,
  /** One-time token from the form: a resubmission returns the same reference. */
  submissionToken: z.string(err('callbackForm.errorExpired')).check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, err('callbackForm.errorExpired'))),
});

/** What the form sends. */
export type CallbackInput = z.input<typeof callbackSchema>;
/** A checked request: phone in E.164, defaults filled in. */
export type CallbackRequest = z.output<typeof callbackSchema>;
/** The form's fields, in the order they appear on the page (for the error summary). */
export type CallbackField = keyof CallbackInput;
export const callbackFields = Object.keys(callbackSchema.shape) as CallbackField[];
/** Fields that hold several values (checkbox groups). */
export const multiValueFields = ['safeTime', 'access', 'topics'] as const satisfies readonly CallbackField[];

/**
 * The first error key for each field that failed, in form order, for any form's schema: an issue
 * on no known field goes to `fallback.field`, a message that is no known key becomes `fallback.key`.
 */
export function firstErrorKeys<F extends string, K extends string>(
  error: z.core.$ZodError,
  fields: readonly F[],
  keys: readonly K[],
  fallback: { field: F; key: K },
): Partial<Record<F, K>> {
  const found: Partial<Record<F, K>> = {};
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === 'string' && (fields as readonly string[]).includes(issue.path[0]) ? (issue.path[0] as F) : fallback.field;
    found[field] ??= (keys as readonly string[]).includes(issue.message) ? (issue.message as K) : fallback.key;
  }
  return Object.fromEntries(fields.filter((f) => found[f]).map((f) => [f, found[f]])) as Partial<Record<F, K>>;
}

/** The first error key for each field that failed, in form order. */
export function fieldErrors(error: z.core.$ZodError): Partial<Record<CallbackField, CallbackErrorKey>> {
  return firstErrorKeys(error, callbackFields, callbackErrorKeys, { field: 'submissionToken', key: 'callbackForm.errorChoice' });
}
