/**
 * The survivors' feedback survey. Rendered on the server as a plain <form method="post"> that
 * works with JavaScript off; once hydrated, react-hook-form checks it with the same zod schema
 * the server uses, counts the characters left as the person types, sends JSON to the same
 * address, and shows the thank-you in place.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { telHref } from '../../content/tel-href.ts';
import {
  calledSafelyAnswers,
  commentMaxLength,
  feedbackFields,
  feedbackSchema,
  feedbackScores,
  type FeedbackAnswers,
  type FeedbackField,
  type FeedbackInput,
} from '../../feedback/schema.ts';
import { Choice, describedBy, ErrorSummary, FieldError, Fieldset, fieldBoxId, useErrorSummary } from '../FormParts/FormParts.tsx';
import type { FeedbackFormStrings } from './strings.ts';

export interface FeedbackFormProps {
  /** Where the form posts, plain or as JSON: /<lang>/feedback/ */
  action: string;
  strings: FeedbackFormStrings;
  /** The National Domestic Abuse Helpline, offered on the thank-you. */
  helpline: string;
  /** What was typed, when the server sends the form back. */
  values?: Record<string, unknown>;
  /** Translated messages by field, when the server sends the form back. */
  errors?: Partial<Record<FeedbackField, string>>;
  /** A translated problem not tied to a field (storage down, too many requests). */
  notice?: string;
  /** The tab's title as it is, and with its translated "Error:" while the form shows errors. */
  titles: { normal: string; error: string };
}

const fieldId = (field: FeedbackField) => `feedback-${field}`;
const calledSafelyKeys = { yes: 'callbackForm.yes', no: 'callbackForm.no', 'not-yet': 'feedbackForm.notCalledYet' } as const;

/** The form's starting values: what the server sent back, anything else empty. */
function startingValues(values: Record<string, unknown>): FeedbackInput {
  const oneOf = <T extends string>(v: unknown, options: readonly T[]): T => (options.includes(v as T) ? (v as T) : (undefined as unknown as T));
  return {
    easeOfAsking: oneOf(values.easeOfAsking, feedbackScores),
    calledSafely: oneOf(values.calledSafely, calledSafelyAnswers),
    listenedTo: oneOf(values.listenedTo, feedbackScores),
    comment: typeof values.comment === 'string' ? values.comment : '',
  };
}

/** How long typing must pause before a screen reader hears the count, so it does not speak every key. */
const countPauseMs = 1_000;

export default function FeedbackForm({ action, strings: s, helpline, values = {}, errors: serverErrors = {}, notice: serverNotice, titles }: FeedbackFormProps) {
  const defaults = startingValues(values);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<FeedbackInput, unknown, FeedbackAnswers>({
    resolver: zodResolver(feedbackSchema, undefined, { mode: 'sync' }),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const [notice, setNotice] = useState(serverNotice);
  const [sent, setSent] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // The live count exists only once the island runs: without JavaScript the hint says the limit.
  const [hydrated, setHydrated] = useState(false);
  const [heardCount, setHeardCount] = useState('');
  const thanksRef = useRef<HTMLHeadingElement>(null);

  const messageOf = (field: FeedbackField): string | undefined => {
    const raw = errors[field]?.message ?? (attempt === 0 ? serverErrors[field] : undefined);
    if (!raw) return undefined;
    return (s as Record<string, string>)[raw] ?? raw;
  };
  const failed = feedbackFields.filter((f) => messageOf(f));
  const summaryRef = useErrorSummary(attempt, failed.length > 0 || Boolean(notice), titles);

  const left = commentMaxLength - (watch('comment') ?? '').length;
  const countText = left >= 0 ? s['feedbackForm.charactersLeft'].replace('{{number}}', String(left)) : s['feedbackForm.charactersOver'].replace('{{number}}', String(-left));
  useEffect(() => setHydrated(true), []);
  // Nothing is said until the person types: the hint already says the limit.
  const typed = useRef(false);
  const startingCount = useRef(countText);
  useEffect(() => {
    if (!hydrated || (!typed.current && countText === startingCount.current)) return;
    typed.current = true;
    const timer = setTimeout(() => setHeardCount(countText), countPauseMs);
    return () => clearTimeout(timer);
  }, [countText, hydrated]);
  useEffect(() => {
    if (sent) thanksRef.current?.focus();
  }, [sent]);

  async function send(data: FeedbackAnswers): Promise<void> {
    setNotice(undefined);
    try {
      const response = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
      const body = (await response.json().catch(() => ({}))) as { errors?: Record<string, string>; error?: string };
      if (response.status === 201) {
        setSent(true);
        return;
      }
      if (response.status === 400 && body.errors) {
        for (const [field, message] of Object.entries(body.errors)) setError(field as FeedbackField, { message });
      } else {
        setNotice(body.error ?? s['feedbackForm.unavailable']);
      }
    } catch {
      // Never a thank-you unless the server said it stored the answers.
      setNotice(s['feedbackForm.unavailable']);
    }
    setAttempt((n) => n + 1);
  }

  if (sent) {
    const [beforeNumber, afterNumber] = s['feedbackSent.help'].split('{{number}}');
    return (
      <div className="confirmation" data-feedback-thanks>
        <h2 ref={thanksRef} tabIndex={-1}>
          {s['feedbackSent.title']}
        </h2>
        <p>{s['feedbackSent.read']}</p>
        <p>{s['feedbackSent.counts']}</p>
        <p>{s['feedbackSent.sealed']}</p>
        <p>
          {beforeNumber}
          <a href={telHref(helpline)} className="phone" dir="ltr">
            {helpline}
          </a>
          {afterNumber}
        </p>
      </div>
    );
  }

  const prefix = s['callbackForm.errorPrefixAccessibleLabel'];
  // A scale keeps its five choices on one line at 320 px; other answers go one under another.
  // A score is shown as its own digit; other answers through `label`.
  const radios = (field: 'easeOfAsking' | 'calledSafely' | 'listenedTo', options: readonly string[], scale: boolean, label = (option: string) => option) => (
    <div className={scale ? 'choices choices--inline choices--scale' : 'choices'}>
      {options.map((option, i) => (
        <Choice
          key={option}
          id={i === 0 ? fieldId(field) : `${fieldId(field)}-${option}`}
          type="radio"
          value={option}
          label={label(option)}
          defaultChecked={defaults[field] === option}
          registered={register(field)}
        />
      ))}
    </div>
  );
  const fieldset = (field: 'easeOfAsking' | 'calledSafely' | 'listenedTo', legend: string, hint: string | undefined, choices: ReturnType<typeof radios>) => (
    <Fieldset controlId={fieldId(field)} legend={legend} hint={hint} message={messageOf(field)} prefix={prefix}>
      {choices}
    </Fieldset>
  );
  return (
    <form method="post" action={action} className="form" noValidate onSubmit={handleSubmit(send, () => setAttempt((n) => n + 1))} data-feedback-form>
      <ErrorSummary
        summaryRef={summaryRef}
        title={s['callbackForm.errorSummaryTitle']}
        notice={notice}
        failed={failed.map((field) => ({ controlId: fieldId(field), message: messageOf(field)! }))}
        autoFocus={attempt === 0}
      />
      {fieldset('easeOfAsking', s['feedbackForm.easeLegend'], s['feedbackForm.easeHint'], radios('easeOfAsking', feedbackScores, true))}
      {fieldset('calledSafely', s['feedbackForm.calledSafelyLegend'], undefined, radios('calledSafely', calledSafelyAnswers, false, (a) => s[calledSafelyKeys[a as keyof typeof calledSafelyKeys]]))}
      {fieldset('listenedTo', s['feedbackForm.listenedLegend'], s['feedbackForm.listenedHint'], radios('listenedTo', feedbackScores, true))}
      <div id={fieldBoxId(fieldId('comment'))} className={messageOf('comment') ? 'field field--error' : 'field'}>
        <label htmlFor={fieldId('comment')}>{s['feedbackForm.commentLabel']}</label>
        <p className="hint" id={`${fieldId('comment')}-hint`}>
          {s['feedbackForm.commentHint']}
        </p>
        <FieldError controlId={fieldId('comment')} message={messageOf('comment')} prefix={prefix} />
        <textarea
          id={fieldId('comment')}
          rows={5}
          autoComplete="off"
          defaultValue={defaults.comment}
          aria-describedby={describedBy(fieldId('comment'), true, Boolean(messageOf('comment')))}
          aria-invalid={messageOf('comment') ? true : undefined}
          {...register('comment')}
        />
        {hydrated && (
          <>
            {/* Seen at once; heard only when typing pauses, from the polite region below. */}
            <p className={left < 0 ? 'character-count character-count--over' : 'character-count'} aria-hidden="true" data-character-count>
              {countText}
            </p>
            <p className="visually-hidden" aria-live="polite" data-character-count-heard>
              {heardCount}
            </p>
          </>
        )}
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? s['callbackForm.sending'] : s['feedbackForm.submit']}
      </button>
    </form>
  );
}
