/**
 * The callback form. Rendered on the server as a plain <form method="post"> that works with
 * JavaScript off; once hydrated, react-hook-form checks it with the same zod schema the server uses
 * and sends JSON to /api/callback, showing the confirmation in place.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type FieldErrors, type UseFormRegisterReturn } from 'react-hook-form';
import {
  accessNeeds,
  callbackFields,
  callbackSchema,
  topics,
  type CallbackField,
  type CallbackInput,
  type CallbackRequest,
} from '../../callback/schema.ts';
import type { LocaleCode } from '../../i18n/locales.ts';
import { promiseText } from './promise-text.ts';
import type { CallbackFormStrings } from './strings.ts';
import { Choice, describedBy as describedByIds, ErrorSummary, FieldError, Fieldset, fieldBoxId as boxOf, useErrorSummary } from '../FormParts/FormParts.tsx';

/** One day of safe-time windows, already formatted in the reader's language. */
export interface SafeTimeDayOption {
  date: string;
  heading: string;
  /** startsAt: the window's start, ms since 1970, so passed windows can be taken away. */
  windows: { value: string; label: string; startsAt: number }[];
}

export interface CallbackFormProps {
  lang: string;
  /** Where the plain form posts: /<lang>/callback/ */
  action: string;
  strings: CallbackFormStrings;
  days: SafeTimeDayOption[];
  /** A fresh one-time submission token. */
  token: string;
  /** What was typed, when the server sends the form back. */
  values?: Record<string, unknown>;
  /** Translated messages by field, when the server sends the form back. */
  errors?: Partial<Record<CallbackField, string>>;
  /** A translated problem not tied to a field (storage down, too many requests). */
  notice?: string;
  /** The tab's title as it is, and with its translated "Error:" while the form shows errors. */
  titles: { normal: string; error: string };
  /** The feedback survey, /<lang>/feedback/, linked from the confirmation. */
  feedbackHref: string;
}

const fieldId = (field: CallbackField) => `callback-${field}`;
const fieldBoxId = (field: CallbackField) => boxOf(fieldId(field));
const accessKeys = { bsl: 'callbackForm.accessBsl', 'relay-uk': 'callbackForm.accessRelayUk', 'easy-read': 'callbackForm.accessEasyRead' } as const;
const topicKeys = {
  'safe-at-home': 'callbackForm.topicSafeAtHome',
  moving: 'callbackForm.topicMoving',
  money: 'callbackForm.topicMoney',
  children: 'callbackForm.topicChildren',
  other: 'callbackForm.topicOther',
} as const;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** The form's starting values: what the server sent back, or the safe defaults (no voicemail, do not say who we are). */
function startingValues(values: Record<string, unknown>, token: string): CallbackInput {
  const oneOf = <T extends string>(v: unknown, options: readonly T[], fallback: T): T => (options.includes(v as T) ? (v as T) : fallback);
  return {
    phone: text(values.phone),
    method: oneOf(values.method, ['call', 'text'] as const, undefined as unknown as 'call'),
    safeTime: list(values.safeTime),
    voicemail: oneOf(values.voicemail, ['yes', 'no'] as const, 'no'),
    sayWhoWeAre: oneOf(values.sayWhoWeAre, ['yes', 'no'] as const, 'no'),
    consent: (values.consent === 'yes' ? 'yes' : false) as 'yes',
    askFor: text(values.askFor),
    ifSomeoneElseAnswers: text(values.ifSomeoneElseAnswers),
    safeWord: text(values.safeWord),
    language: text(values.language),
    interpreter: oneOf(values.interpreter, ['yes', 'no'] as const, 'no'),
    interpreterGender: oneOf(values.interpreterGender, ['any', 'female', 'male'] as const, 'any'),
    access: list(values.access) as CallbackInput['access'],
    topics: list(values.topics) as CallbackInput['topics'],
    message: text(values.message),
    submissionToken: text(values.submissionToken) || token,
  };
}

/** Whether a radio or checkbox with `value` starts checked. react-hook-form sets values only in the
 * browser, so the server-rendered form (JavaScript off) needs them written in. */
const isChosen = (current: unknown, value: string) => (Array.isArray(current) ? current.includes(value) : current === value);

type Confirmation = { reference: string; dueBy: string };

/** A new one-time submission token, the same shape as the server's (18 random bytes, base64url). */
function freshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_');
}

export default function CallbackForm({ lang, action, strings, days, token, values = {}, errors: serverErrors = {}, notice: serverNotice, titles, feedbackHref }: CallbackFormProps) {
  const s = strings;
  const defaults = startingValues(values, token);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<CallbackInput, unknown, CallbackRequest>({
    // Sync: the schema has nothing async, and zod/mini's async parse settles the phone (a pipe) last,
    // which would reorder the errors and the values sent.
    resolver: zodResolver(callbackSchema, undefined, { mode: 'sync' }),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const [notice, setNotice] = useState(serverNotice);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Windows starting before this are no longer shown: set when the server says a chosen time has passed.
  const [offerFrom, setOfferFrom] = useState(0);
  const confirmationRef = useRef<HTMLHeadingElement>(null);

  // A message is a UI key from the schema (client check) or already translated (server).
  const messageOf = (field: CallbackField): string | undefined => {
    const raw = errors[field]?.message ?? (attempt === 0 ? serverErrors[field] : undefined);
    if (!raw) return undefined;
    return (s as Record<string, string>)[raw] ?? raw;
  };
  const failed = callbackFields.filter((f) => messageOf(f));

  const summaryRef = useErrorSummary(attempt, failed.length > 0 || Boolean(notice), titles);
  useEffect(() => {
    if (confirmation) confirmationRef.current?.focus();
  }, [confirmation]);

  async function send(data: CallbackRequest, retried = false): Promise<void> {
    setNotice(undefined);
    try {
      const response = await fetch('/api/callback', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-language': lang },
        body: JSON.stringify(data),
      });
      const body = (await response.json().catch(() => ({}))) as { reference?: string; dueBy?: string; errors?: Record<string, string>; error?: string };
      if (response.status === 201 && body.reference && body.dueBy) {
        setConfirmation({ reference: body.reference, dueBy: body.dueBy });
        return;
      }
      // 409: this token already carried different details (an earlier send whose answer was lost,
      // then an edit). The server kept the first version; the correction goes as a new request.
      if (response.status === 409 && !retried) {
        const submissionToken = freshToken();
        setValue('submissionToken', submissionToken);
        return send({ ...data, submissionToken }, true);
      }
      if (response.status === 400 && body.errors) {
        if (body.errors.safeTime) withdrawPassedWindows();
        for (const [field, message] of Object.entries(body.errors)) setError(field as CallbackField, { message });
      } else {
        setNotice(body.error ?? s['callbackForm.unavailable']);
      }
    } catch {
      setNotice(s['callbackForm.unavailable']);
    }
    setAttempt((n) => n + 1);
  }

  const onInvalid = (_: FieldErrors<CallbackInput>) => setAttempt((n) => n + 1);

  /** Takes away, shown and ticked, the windows now less than an hour away (as the server's offer does). */
  function withdrawPassedWindows() {
    const from = Date.now() + 3_600_000;
    // A phone whose clock is wrong could take every time away; then leave them for the person to judge.
    if (!days.some((day) => day.windows.some((w) => w.startsAt >= from))) return;
    const offered = new Set(days.flatMap((day) => day.windows.filter((w) => w.startsAt >= from).map((w) => w.value)));
    setOfferFrom(from);
    setValue('safeTime', (getValues('safeTime') ?? []).filter((v) => offered.has(v)));
  }

  if (confirmation) {
    return (
      <div className="confirmation" data-callback-confirmation>
        <h2 ref={confirmationRef} tabIndex={-1}>
          {s['callbackSent.title']}
        </h2>
        <p>{promiseText(s['callbackSent.body'], lang as LocaleCode, new Date(confirmation.dueBy))}</p>
        <p>
          {s['callbackSent.reference'].split('{{reference}}')[0]}
          <strong className="callback-reference" dir="ltr" data-reference>
            {confirmation.reference}
          </strong>
          {s['callbackSent.reference'].split('{{reference}}')[1]}
        </p>
        <p>{s['callbackSent.noConfirmation']}</p>
        <p>
          <a href={feedbackHref}>{s['callbackSent.feedbackLink']}</a>
        </p>
      </div>
    );
  }

  const prefix = s['callbackForm.errorPrefixAccessibleLabel'];
  const describedBy = (field: CallbackField, hint: boolean) => describedByIds(fieldId(field), hint, Boolean(messageOf(field)));
  const errorLine = (field: CallbackField) => <FieldError controlId={fieldId(field)} message={messageOf(field)} prefix={prefix} />;
  const group = (field: CallbackField, legend: string, children: ReactNode, hint?: string) => (
    <Fieldset controlId={fieldId(field)} legend={legend} hint={hint} message={messageOf(field)} prefix={prefix}>
      {children}
    </Fieldset>
  );
  const choice = (field: CallbackField, type: 'radio' | 'checkbox', value: string, label: string, registered: UseFormRegisterReturn, first = false) => (
    <Choice
      key={value}
      id={first ? fieldId(field) : `${fieldId(field)}-${value}`}
      type={type}
      value={value}
      label={label}
      defaultChecked={isChosen(defaults[field], value)}
      registered={registered}
    />
  );
  const yesNo = (field: 'voicemail' | 'sayWhoWeAre' | 'interpreter', legend: string) =>
    group(
      field,
      legend,
      <div className="choices choices--inline">
        {choice(field, 'radio', 'yes', s['callbackForm.yes'], register(field), true)}
        {choice(field, 'radio', 'no', s['callbackForm.no'], register(field))}
      </div>,
    );
  const textField = (field: 'askFor' | 'ifSomeoneElseAnswers' | 'safeWord' | 'language', label: string, hint?: string, maxLength = 60) => (
    <div id={fieldBoxId(field)} className={messageOf(field) ? 'field field--error' : 'field'}>
      <label htmlFor={fieldId(field)}>{label}</label>
      {hint && (
        <p className="hint" id={`${fieldId(field)}-hint`}>
          {hint}
        </p>
      )}
      {errorLine(field)}
      <input
        type="text"
        id={fieldId(field)}
        autoComplete="off"
        maxLength={maxLength}
        defaultValue={defaults[field]}
        aria-describedby={describedBy(field, Boolean(hint))}
        aria-invalid={messageOf(field) ? true : undefined}
        {...register(field)}
      />
    </div>
  );
  const shownDays = days.map((day) => ({ ...day, windows: day.windows.filter((w) => w.startsAt >= offerFrom) })).filter((day) => day.windows.length > 0);
  const firstWindow = shownDays[0]?.windows[0]?.value;

  return (
    <form method="post" action={action} className="form" noValidate onSubmit={handleSubmit((data) => send(data), onInvalid)} data-callback-form>
      <ErrorSummary
        summaryRef={summaryRef}
        title={s['callbackForm.errorSummaryTitle']}
        notice={notice}
        failed={failed.map((field) => ({ controlId: fieldId(field), message: messageOf(field)! }))}
        autoFocus={attempt === 0}
      />

      <input type="hidden" defaultValue={defaults.submissionToken} {...register('submissionToken')} />

      <div id={fieldBoxId('phone')} className={messageOf('phone') ? 'field field--error' : 'field'}>
        <label htmlFor={fieldId('phone')}>{s['callbackForm.phoneLabel']}</label>
        <p className="hint" id={`${fieldId('phone')}-hint`}>
          {s['callbackForm.phoneHint']}
        </p>
        {errorLine('phone')}
        <input
          type="tel"
          id={fieldId('phone')}
          dir="ltr"
          autoComplete="off"
          inputMode="tel"
          spellCheck={false}
          maxLength={30}
          defaultValue={defaults.phone}
          aria-describedby={describedBy('phone', true)}
          aria-invalid={messageOf('phone') ? true : undefined}
          {...register('phone')}
        />
      </div>

      {group(
        'method',
        s['callbackForm.methodLegend'],
        <div className="choices choices--inline">
          {choice('method', 'radio', 'call', s['callbackForm.methodCall'], register('method'), true)}
          {choice('method', 'radio', 'text', s['callbackForm.methodText'], register('method'))}
        </div>,
      )}

      {group(
        'safeTime',
        s['callbackForm.safeTimeLegend'],
        shownDays.map((day) => (
          <div className="safe-day" key={day.date} role="group" aria-labelledby={`safe-day-${day.date}`}>
            <h3 id={`safe-day-${day.date}`}>{day.heading}</h3>
            <div className="choices">
              {day.windows.map((w) => choice('safeTime', 'checkbox', w.value, w.label, register('safeTime'), w.value === firstWindow))}
            </div>
          </div>
        )),
        s['callbackForm.safeTimeHint'],
      )}

      {yesNo('voicemail', s['callbackForm.voicemailLegend'])}
      {yesNo('sayWhoWeAre', s['callbackForm.sayWhoWeAreLegend'])}

      <h2>{s['callbackForm.optionalTitle']}</h2>
      {textField('askFor', s['callbackForm.askForLabel'])}
      {textField('ifSomeoneElseAnswers', s['callbackForm.ifSomeoneElseLabel'], s['callbackForm.ifSomeoneElseHint'], 200)}
      {textField('safeWord', s['callbackForm.safeWordLabel'], s['callbackForm.safeWordHint'])}
      {textField('language', s['callbackForm.languageLabel'])}
      {yesNo('interpreter', s['callbackForm.interpreterLegend'])}
      {group(
        'interpreterGender',
        s['callbackForm.interpreterGenderLegend'],
        <div className="choices choices--inline">
          {choice('interpreterGender', 'radio', 'any', s['callbackForm.interpreterGenderAny'], register('interpreterGender'), true)}
          {choice('interpreterGender', 'radio', 'female', s['callbackForm.interpreterGenderFemale'], register('interpreterGender'))}
          {choice('interpreterGender', 'radio', 'male', s['callbackForm.interpreterGenderMale'], register('interpreterGender'))}
        </div>,
      )}
      {group(
        'access',
        s['callbackForm.accessLegend'],
        <div className="choices">{accessNeeds.map((need, i) => choice('access', 'checkbox', need, s[accessKeys[need]], register('access'), i === 0))}</div>,
      )}
      {group(
        'topics',
        s['callbackForm.topicsLegend'],
        <div className="choices">{topics.map((topic, i) => choice('topics', 'checkbox', topic, s[topicKeys[topic]], register('topics'), i === 0))}</div>,
      )}
      <div id={fieldBoxId('message')} className={messageOf('message') ? 'field field--error' : 'field'}>
        <label htmlFor={fieldId('message')}>{s['callbackForm.messageLabel']}</label>
        <p className="hint" id={`${fieldId('message')}-hint`}>
          {s['callbackForm.messageHint']}
        </p>
        {errorLine('message')}
        <textarea
          id={fieldId('message')}
          rows={5}
          autoComplete="off"
          defaultValue={defaults.message}
          aria-describedby={describedBy('message', true)}
          aria-invalid={messageOf('message') ? true : undefined}
          {...register('message')}
        />
      </div>

      {group(
        'consent',
        s['callbackForm.consentLegend'],
        <div className="choices">{choice('consent', 'checkbox', 'yes', s['callbackForm.consentLabel'], register('consent'), true)}</div>,
      )}

      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? s['callbackForm.sending'] : s['callbackForm.submit']}
      </button>
    </form>
  );
}
