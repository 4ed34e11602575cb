/**
 * One request, opened in this browser and laid out for the call, with what the team can do and
 * its history. Opening it records "viewed"; notes typed here are sealed here before they are sent.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { sealText, unsealText } from './age.ts';
import { ActionRefused, api, type RequestSummary } from './api.ts';
import { safeTime, ukNational, ukTime } from './format.ts';
import type { ConsoleStrings } from './strings.ts';
import type { StaffKey } from '../../i18n/staff-schema.ts';

interface Props {
  strings: ConsoleStrings;
  id: string;
  identity: string;
  recipients: string[];
  onBack: () => void;
  onError: (error: unknown) => boolean;
}

/** What the survivor sent (src/callback/schema.ts, as sealed by intake.ts). */
interface SentRequest {
  reference: string;
  createdAt: string;
  request: {
    phone: string;
    method: 'call' | 'text';
    safeTime: string[];
    voicemail: 'yes' | 'no';
    sayWhoWeAre: 'yes' | 'no';
    askFor: string;
    ifSomeoneElseAnswers: string;
    safeWord: string;
    language: string;
    interpreter: 'yes' | 'no';
    interpreterGender: 'any' | 'female' | 'male';
    access: string[];
    topics: string[];
    message: string;
  };
}

interface OpenedLine {
  at: string;
  actor: string;
  action: string;
  note: string | null;
}

export default function RequestView({ strings: s, id, identity, recipients, onBack, onError }: Props) {
  const [summary, setSummary] = useState<RequestSummary>();
  const [sent, setSent] = useState<SentRequest>();
  const [history, setHistory] = useState<OpenedLine[]>([]);
  const [team, setTeam] = useState<string[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const found = await api.request(id);
    setSummary(found.request);
    setHistory(
      await Promise.all(
        found.audit.map(async (line) => ({ ...line, note: line.sealedDetail ? await unsealText(identity, line.sealedDetail).catch(() => '…') : null })),
      ),
    );
    return found;
  }, [id, identity]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const found = await api.request(id);
        const opened = JSON.parse(await unsealText(identity, found.sealed)) as SentRequest;
        if (cancelled) return;
        setSent(opened);
        await api.act(id, 'viewed');
        await load();
        setTeam((await api.queue(false)).team);
        heading.current?.focus();
      } catch (error) {
        if (!onError(error) && !cancelled) setMessage({ text: s['request.cannotOpen'], error: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, identity, load, onError, s]);

  /** Runs one action, then shows the request's new state and history. */
  const act = async (action: string, body: Record<string, unknown> = {}) => {
    try {
      await api.act(id, action, body);
      await load();
      setMessage({ text: s['actions.saved'], error: false });
      return true;
    } catch (error) {
      if (onError(error)) return false;
      setMessage({ text: error instanceof ActionRefused ? s['console.actionRefused'] : s['console.actionFailed'], error: true });
      await load().catch(() => undefined);
      return false;
    }
  };
  const sealed = (text: string) => (text.trim() ? sealText(recipients, text.trim()) : Promise.resolve(undefined));

  const r = sent?.request;
  const none = <span className="muted">{s['request.none']}</span>;
  const orNone = (value: string) => (value ? value : none);
  const row = (label: StaffKey, value: ReactNode) => (
    <>
      <dt>{s[label]}</dt>
      <dd>{value}</dd>
    </>
  );

  return (
    <section aria-labelledby="request-title">
      <p>
        <button type="button" className="secondary" onClick={onBack}>
          {s['request.back']}
        </button>
      </p>
      <h2 id="request-title" tabIndex={-1} ref={heading}>
        {summary?.reference ?? s['request.opening']}
      </h2>
      <p role="status" aria-live="polite" className={message ? (message.error ? 'error' : 'status') : undefined}>
        {message?.text}
      </p>
      {summary && r && (
        <div className="request-grid">
          <div>
            <dl className="details">
              {row(
                'request.phone',
                <a className="phone" href={`tel:${r.phone}`}>
                  {ukNational(r.phone)}
                </a>,
              )}
              {row('request.method', r.method === 'call' ? s['request.methodCall'] : s['request.methodText'])}
              {row(
                'request.safeTimes',
                <ul>
                  {r.safeTime.map((t) => (
                    <li key={t}>{safeTime(t)}</li>
                  ))}
                </ul>,
              )}
              {row('request.voicemail', r.voicemail === 'yes' ? s['request.voicemailYes'] : s['request.voicemailNo'])}
              {row('request.sayWhoWeAre', r.sayWhoWeAre === 'yes' ? s['request.sayWhoWeAreYes'] : s['request.sayWhoWeAreNo'])}
              {row('request.askFor', orNone(r.askFor))}
              {row('request.ifSomeoneElse', orNone(r.ifSomeoneElseAnswers))}
              {row('request.safeWord', orNone(r.safeWord))}
              {row('request.language', orNone(r.language))}
              {row(
                'request.interpreter',
                r.interpreter === 'yes'
                  ? s[({ any: 'request.interpreterAny', female: 'request.interpreterFemale', male: 'request.interpreterMale' } as const)[r.interpreterGender]]
                  : s['request.interpreterNo'],
              )}
              {row('request.access', r.access.length ? r.access.map((a) => s[`access.${a}` as StaffKey] ?? a).join(', ') : none)}
              {row('request.topics', r.topics.length ? r.topics.map((t) => s[`topic.${t}` as StaffKey] ?? t).join(', ') : none)}
              {row('request.message', orNone(r.message))}
              {row('request.sent', ukTime(summary.createdAt))}
              {row('request.dueBy', ukTime(summary.dueBy))}
              {row('queue.status', s[`status.${summary.status}`])}
              {row('request.heldBy', summary.claimedBy ?? s['queue.nobody'])}
            </dl>
          </div>
          <Actions strings={s} summary={summary} team={team} act={act} sealed={sealed} />
        </div>
      )}
      {summary && (
        <section aria-labelledby="history-title">
          <h3 id="history-title">{s['history.title']}</h3>
          <table className="history">
            <thead>
              <tr>
                <th scope="col">{s['history.when']}</th>
                <th scope="col">{s['history.who']}</th>
                <th scope="col">{s['history.what']}</th>
                <th scope="col">{s['history.note']}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((line, i) => (
                <tr key={i}>
                  <td>{ukTime(line.at)}</td>
                  <td>{line.actor}</td>
                  <td>{s[`audit.${line.action}` as StaffKey] ?? line.action}</td>
                  <td>{line.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

interface ActionProps {
  strings: ConsoleStrings;
  summary: RequestSummary;
  team: string[];
  act: (action: string, body?: Record<string, unknown>) => Promise<boolean>;
  sealed: (text: string) => Promise<string | undefined>;
}

/** The actions the request's state allows; each form clears itself once saved. */
function Actions({ strings: s, summary, team, act, sealed }: ActionProps) {
  const { status } = summary;
  const [error, setError] = useState<string>();
  const submit = (handler: (form: HTMLFormElement, data: FormData) => Promise<boolean | void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setError(undefined);
    if ((await handler(form, new FormData(form))) !== false) form.reset();
  };
  const text = (data: FormData, name: string) => String(data.get(name) ?? '');
  const canAttempt = status === 'claimed' || status === 'contacted' || status === 'could-not-contact';

  return (
    <section className="actions panel" aria-labelledby="actions-title">
      <h3 id="actions-title">{s['actions.title']}</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        {status === 'new' && <button onClick={() => act('claim')}>{s['actions.claim']}</button>}
        {status === 'claimed' && (
          <button className="secondary" onClick={() => act('release')}>
            {s['actions.release']}
          </button>
        )}
        {(status === 'contacted' || status === 'could-not-contact') && <button onClick={() => act('close')}>{s['actions.close']}</button>}
        {status === 'closed' && <button onClick={() => act('reopen')}>{s['actions.reopen']}</button>}
      </div>

      {status === 'claimed' && team.length > 0 && (
        <form onSubmit={submit((_, data) => act('reassign', { to: text(data, 'to') }))}>
          <div className="field">
            <label htmlFor="reassign-to">{s['actions.reassignLabel']}</label>
            <select id="reassign-to" name="to">
              {team.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </div>
          <div className="row">
            <button className="secondary">{s['actions.reassign']}</button>
          </div>
        </form>
      )}

      {canAttempt && (
        <form
          onSubmit={submit(async (_, data) => act('attempt', { result: text(data, 'result'), note: await sealed(text(data, 'note')) }))}
        >
          <fieldset>
            <legend>{s['actions.attemptLegend']}</legend>
            {(['reached', 'no-answer', 'not-safe', 'wrong-number'] as const).map((result, i) => (
              <label className="choice" key={result}>
                <input type="radio" name="result" value={result} defaultChecked={i === 0} /> {s[`attempt.${result}`]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="attempt-note">{s['actions.noteLabel']}</label>
            <p className="hint" id="attempt-note-hint">
              {s['actions.noteHint']}
            </p>
            <textarea id="attempt-note" name="note" aria-describedby="attempt-note-hint" maxLength={2000} />
          </div>
          <div className="row">
            <button>{s['actions.recordAttempt']}</button>
          </div>
        </form>
      )}

      {status === 'claimed' && (
        <div className="row">
          <button className="secondary" onClick={() => act('contacted')}>
            {s['actions.contacted']}
          </button>
          <button className="secondary" onClick={() => act('could-not-contact')}>
            {s['actions.couldNotContact']}
          </button>
        </div>
      )}

      {status === 'contacted' && (
        <form
          onSubmit={submit(async (_, data) => {
            const reference = text(data, 'reference');
            if (!reference.trim()) {
              setError(s['actions.referenceMissing']);
              return false;
            }
            return act('hand-over', { reference: await sealed(reference) });
          })}
        >
          <div className="field">
            <label htmlFor="handover-reference">{s['actions.handOverLabel']}</label>
            <input type="text" id="handover-reference" name="reference" maxLength={100} autoComplete="off" />
          </div>
          <div className="row">
            <button className="secondary">{s['actions.handOver']}</button>
          </div>
        </form>
      )}

      <form
        onSubmit={submit(async (_, data) => {
          const reason = text(data, 'reason');
          if (!reason.trim()) {
            setError(s['actions.reasonMissing']);
            return false;
          }
          return act('share', { share: text(data, 'share') === 'share', reason: await sealed(reason) });
        })}
      >
        <fieldset>
          <legend>{s['actions.shareLegend']}</legend>
          <label className="choice">
            <input type="radio" name="share" value="not-share" defaultChecked /> {s['actions.notShare']}
          </label>
          <label className="choice">
            <input type="radio" name="share" value="share" /> {s['actions.share']}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="share-reason">{s['actions.reasonLabel']}</label>
          <textarea id="share-reason" name="reason" maxLength={2000} />
        </div>
        <div className="row">
          <button className="secondary">{s['actions.recordShare']}</button>
        </div>
      </form>
    </section>
  );
}
