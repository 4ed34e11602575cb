/**
 * The pieces every form island shares, GOV.UK-style: the error summary (focused once per failed
 * attempt, each entry a link to its field), the message beside a field, and the tab's title that
 * says "Error:" while errors show. The callback and feedback forms both build on these.
 */
import { useEffect, useRef, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * The id of a field's whole box (label or legend, hint, error, control). The error summary links
 * here, so that without JavaScript the browser scrolls the label and hint into view below the exit
 * bar, not only the control; the next Tab then reaches the control. With JavaScript the link also
 * focuses the control.
 */
export const fieldBoxId = (controlId: string) => `${controlId}-field`;

/** An error-summary link brings the whole field into view below the exit bar (its label, hint and
 * message, not only its input, which is where the browser would scroll), then focuses its control. */
function showField(event: MouseEvent<HTMLAnchorElement>, controlId: string) {
  const control = document.getElementById(controlId);
  const container = control?.closest('.field');
  if (!control || !container) return;
  event.preventDefault();
  container.scrollIntoView({ block: 'start' });
  control.focus({ preventScroll: true });
}

/**
 * Focuses the summary once per failed attempt, as soon as it is on the page, and keeps the tab's
 * title saying "Error:" while it shows, as the server-rendered page does with JavaScript off
 * (the title is the first thing a screen reader says of a page: WCAG 3.3.1).
 */
export function useErrorSummary(attempt: number, showing: boolean, titles: { normal: string; error: string }): RefObject<HTMLDivElement | null> {
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (attempt > focusedAttempt.current && showing && summaryRef.current) {
      focusedAttempt.current = attempt;
      summaryRef.current.focus();
    }
  }, [attempt, showing]);
  useEffect(() => {
    document.title = showing ? titles.error : titles.normal;
  }, [showing, titles.error, titles.normal]);
  return summaryRef;
}

export interface ErrorSummaryProps {
  summaryRef: RefObject<HTMLDivElement | null>;
  title: string;
  /** A problem not tied to a field (storage down, too many requests). */
  notice?: string;
  /** Each failed field's control id and its message, in form order. */
  failed: { controlId: string; message: string }[];
  /** Focused by the browser as the page loads: the server sent the form back with errors. */
  autoFocus: boolean;
}

/** The error summary at the top of a form, with a child role="alert". */
export function ErrorSummary({ summaryRef, title, notice, failed, autoFocus }: ErrorSummaryProps) {
  if (failed.length === 0 && !notice) return null;
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} autoFocus={autoFocus} data-error-summary>
      <div role="alert">
        <h2>{title}</h2>
        {notice && <p>{notice}</p>}
        {failed.length > 0 && (
          <ul>
            {failed.map(({ controlId, message }) => (
              <li key={controlId}>
                <a href={`#${fieldBoxId(controlId)}`} onClick={(event) => showField(event, controlId)}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The message beside a field, with its hidden "Error:" prefix; nothing when the field is fine. */
export function FieldError({ controlId, message, prefix }: { controlId: string; message: string | undefined; prefix: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`${controlId}-error`}>
      <span className="visually-hidden">{prefix} </span>
      {message}
    </p>
  );
}

/** The ids a control's aria-describedby names: its hint (when it has one) and its error (when showing). */
export const describedBy = (controlId: string, hint: boolean, failed: boolean) =>
  [hint ? `${controlId}-hint` : '', failed ? `${controlId}-error` : ''].filter(Boolean).join(' ') || undefined;

export interface FieldsetProps {
  /** The id of the group's first control, which the error summary focuses. */
  controlId: string;
  legend: string;
  hint?: string;
  message: string | undefined;
  /** The hidden "Error:" before the message. */
  prefix: string;
  children: ReactNode;
}

/** A group of radios or checkboxes in its field box: legend, hint, message, then the choices. */
export function Fieldset({ controlId, legend, hint, message, prefix, children }: FieldsetProps) {
  return (
    <div id={fieldBoxId(controlId)} className={message ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy(controlId, Boolean(hint), Boolean(message))}>
        <legend>{legend}</legend>
        {hint && (
          <p className="hint" id={`${controlId}-hint`}>
            {hint}
          </p>
        )}
        <FieldError controlId={controlId} message={message} prefix={prefix} />
        {children}
      </fieldset>
    </div>
  );
}

export interface ChoiceProps {
  id: string;
  type: 'radio' | 'checkbox';
  value: string;
  label: string;
  /** Written into the server-rendered form: react-hook-form sets values only in the browser, so with JavaScript off it must be in the HTML. */
  defaultChecked: boolean;
  registered: UseFormRegisterReturn;
}

/** One radio or checkbox with its label, a 44 px target. */
export function Choice({ id, type, value, label, defaultChecked, registered }: ChoiceProps) {
  return (
    <div className="choice">
      <input type={type} id={id} value={value} defaultChecked={defaultChecked} {...registered} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
