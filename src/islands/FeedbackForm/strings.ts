import type { UiKey } from '../../i18n/schema.ts';
import { feedbackErrorKeys } from '../../feedback/schema.ts';

/** Every UI key the feedback form island shows; the page translates them and passes them in. */
export const feedbackFormKeys = [
  'callbackForm.errorSummaryTitle',
  'callbackForm.errorPrefixAccessibleLabel',
  'callbackForm.yes',
  'callbackForm.no',
  'callbackForm.sending',
  'callbackForm.rateLimited',
  'feedbackForm.easeLegend',
  'feedbackForm.easeHint',
  'feedbackForm.calledSafelyLegend',
  'feedbackForm.notCalledYet',
  'feedbackForm.listenedLegend',
  'feedbackForm.listenedHint',
  'feedbackForm.commentLabel',
  'feedbackForm.commentHint',
  'feedbackForm.charactersLeft',
  'feedbackForm.charactersOver',
  'feedbackForm.submit',
  'feedbackForm.unavailable',
  'feedbackSent.title',
  'feedbackSent.read',
  'feedbackSent.counts',
  'feedbackSent.sealed',
  'feedbackSent.help',
  ...feedbackErrorKeys,
] as const satisfies readonly UiKey[];

/** The translated strings the island receives, by key. {{number}} in the live count and the helpline line is still in place. */
export type FeedbackFormStrings = Record<(typeof feedbackFormKeys)[number], string>;
