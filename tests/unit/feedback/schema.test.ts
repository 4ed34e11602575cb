import { describe, expect, it } from 'vitest';
import { firstErrorKeys } from '../../../src/callback/schema.ts';
import { commentMaxLength, feedbackErrorKeys, feedbackFields, feedbackSchema } from '../../../src/feedback/schema.ts';
import { resources } from '../../../src/i18n/resources.ts';

const answers = { easeOfAsking: '4', calledSafely: 'not-yet', listenedTo: '5', comment: 'Kind and quick' };
const errorsOf = (input: Record<string, unknown>) => {
  const result = feedbackSchema.safeParse(input);
  if (result.success) return {};
  return firstErrorKeys(result.error, feedbackFields, feedbackErrorKeys, { field: 'easeOfAsking', key: 'feedbackForm.errorEase' });
};

describe('feedbackSchema', () => {
  it('accepts the three answers and an optional comment, and asks for nothing that identifies anyone', () => {
    expect(feedbackSchema.parse(answers)).toEqual(answers);
    expect(feedbackSchema.parse({ ...answers, comment: undefined }).comment).toBe('');
    expect(feedbackFields).toEqual(['easeOfAsking', 'calledSafely', 'listenedTo', 'comment']);
  });

  it('accepts every score from 1 to 5 and every answer to the safe-time question, and nothing else', () => {
    for (const score of ['1', '2', '3', '4', '5']) expect(feedbackSchema.safeParse({ ...answers, easeOfAsking: score, listenedTo: score }).success).toBe(true);
    for (const called of ['yes', 'no', 'not-yet']) expect(feedbackSchema.safeParse({ ...answers, calledSafely: called }).success).toBe(true);
    for (const score of ['0', '6', '4.5', 4, '', ' 4']) expect(errorsOf({ ...answers, easeOfAsking: score }), String(score)).toEqual({ easeOfAsking: 'feedbackForm.errorEase' });
    expect(errorsOf({ ...answers, calledSafely: 'maybe' })).toEqual({ calledSafely: 'feedbackForm.errorCalledSafely' });
  });

  it('names each missing choice with its own message, in form order', () => {
    expect(errorsOf({ comment: 'x' })).toEqual({
      easeOfAsking: 'feedbackForm.errorEase',
      calledSafely: 'feedbackForm.errorCalledSafely',
      listenedTo: 'feedbackForm.errorListened',
    });
  });

  it('takes a comment of 500 characters and refuses 501, counting after clean-up', () => {
    expect(feedbackSchema.parse({ ...answers, comment: 'a'.repeat(commentMaxLength) }).comment).toHaveLength(500);
    expect(errorsOf({ ...answers, comment: 'a'.repeat(commentMaxLength + 1) })).toEqual({ comment: 'callbackForm.errorMessageTooLong' });
    // Spaces around it and hidden controls do not count against the person.
    expect(feedbackSchema.safeParse({ ...answers, comment: `  ${'a'.repeat(500)}\u202E\u0000  ` }).success).toBe(true);
  });

  it('strips bidi controls and control characters from the comment, keeping its line breaks', () => {
    expect(feedbackSchema.parse({ ...answers, comment: 'one\r\ntwo\u202E\u0007' }).comment).toBe('one\ntwo');
  });

  it('has every message it can show in every language', () => {
    for (const [lang, strings] of Object.entries(resources)) {
      for (const key of feedbackErrorKeys) expect(strings[key], `${lang} ${key}`).toBeTruthy();
    }
  });
});
