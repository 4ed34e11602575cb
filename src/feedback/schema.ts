/**
 * The survivors' feedback survey: one zod schema for the browser form and the server, as the
 * callback form has. Every message is a UI key, never English text. No field asks who the person
 * is: no name, number or reference. The schema does no I/O.
 */
import { z } from 'zod/mini';
import { messageMaxLength, messageText } from '../callback/schema.ts';

/** The answers to "how easy was it" and "did you feel listened to": 1 (not at all) to 5 (very). */
export const feedbackScores = ['1', '2', '3', '4', '5'] as const;
/** The answers to "did we call at a safe time". */
export const calledSafelyAnswers = ['yes', 'no', 'not-yet'] as const;
/** The longest "anything else", the same as the callback form's message. */
export const commentMaxLength = messageMaxLength;

/** The translated messages a field can show, by UI key. */
export const feedbackErrorKeys = [
  'feedbackForm.errorEase',
  'feedbackForm.errorCalledSafely',
  'feedbackForm.errorListened',
  'callbackForm.errorMessageTooLong',
] as const;

/** One of the keys above. */
export type FeedbackErrorKey = (typeof feedbackErrorKeys)[number];

const err = (key: FeedbackErrorKey) => ({ error: key });

// zod/mini, as the callback schema: the form's JavaScript carries only the checks used here.
export const feedbackSchema = z.object({
  easeOfAsking: z.enum(feedbackScores, err('feedbackForm.errorEase')),
  calledSafely: z.enum(calledSafelyAnswers, err('feedbackForm.errorCalledSafely')),
  listenedTo: z.enum(feedbackScores, err('feedbackForm.errorListened')),
  comment: messageText,
});

/** What the form sends. */
export type FeedbackInput = z.input<typeof feedbackSchema>;
/** Checked answers, the comment cleaned and trimmed. */
export type FeedbackAnswers = z.output<typeof feedbackSchema>;
/** The form's fields, in the order they appear on the page (for the error summary). */
export type FeedbackField = keyof FeedbackInput;
export const feedbackFields = Object.keys(feedbackSchema.shape) as FeedbackField[];
