/**
 * The publisher's page: translate a page into another language, mark translations reviewed, see
 * what changed in the English since, check, preview and publish. Everything it shows comes from the
 * staff listener's editor routes (src/editor/editor-api.ts) as plain sentences.
 */
import { useCallback, useEffect, useState } from 'react';
import { translatingAddress } from '../../editor/addresses.ts';

type Strings = Record<string, string>;
type State = 'missing' | 'no-record' | 'outdated' | 'machine-drafted' | 'reviewed';
interface PageTranslations {
  collection: 'campaigns' | 'guidance';
  slug: string;
  title: string;
  languages: { lang: string; state: State; reviewedBy?: string; reviewedOn?: string }[];
}
interface Outcome {
  problems: string[];
  warnings: string[];
  changed?: string[];
  previews?: { file: string; url: string }[];
  published?: boolean;
}
interface ChangePart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

interface Props {
  strings: Strings;
  /** Language code → English name, for the language column and buttons. */
  languageNames: Record<string, string>;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(values[name] ?? whole));

class SessionEnded extends Error {}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (response.status === 401) throw new SessionEnded();
  const data = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? '');
  return data;
}

export default function Publish({ strings: s, languageNames }: Props) {
  const [pages, setPages] = useState<PageTranslations[]>([]);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; link?: { href: string; text: string }; error?: boolean }>();
  const [changes, setChanges] = useState<{ lang: string; parts: ChangePart[] | null }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [working, setWorking] = useState(false);
  const [history, setHistory] = useState<{ at: string; actor: string; files: string[] }[]>([]);
  const [ended, setEnded] = useState(false);

  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof SessionEnded) return setEnded(true);
      setMessage({ text: (error as Error).message || s['publish.failed']!, error: true });
    },
    [s],
  );
  const load = useCallback(() => {
    call<{ pages: PageTranslations[] }>('GET', '/staff/api/translations').then((r) => setPages(r.pages), failed);
    call<{ publishes: typeof history }>('GET', '/staff/api/publishing/history').then((r) => setHistory(r.publishes), failed);
  }, [failed]);
  useEffect(load, [load]);

  const page = pages.find((p) => `${p.collection}/${p.slug}` === chosen);
  const target = (lang: string) => ({ collection: page!.collection, slug: page!.slug, lang });

  async function translate(lang: string) {
    setChanges(undefined);
    try {
      const { result } = await call<{ result: { file: string; address: string } }>('POST', '/staff/api/translations/start', target(lang));
      setMessage({ text: fill(s['publish.created']!, { file: result.file }), link: { href: result.address, text: fill(s['publish.openTranslating']!, { language: languageNames[lang]! }) } });
      load();
    } catch (error) {
      failed(error);
    }
  }
  async function review(lang: string) {
    try {
      await call('POST', '/staff/api/translations/review', target(lang));
      setMessage({ text: s['publish.reviewed']! });
      load();
    } catch (error) {
      failed(error);
    }
  }
  async function showChanges(lang: string) {
    try {
      const { result } = await call<{ result: ChangePart[] | null }>('POST', '/staff/api/translations/changes', target(lang));
      setChanges({ lang, parts: result });
    } catch (error) {
      failed(error);
    }
  }
  async function run(action: 'check' | 'preview' | 'publish') {
    setWorking(true);
    setOutcome(undefined);
    try {
      setOutcome(await call<Outcome>('POST', `/staff/api/publishing/${action}`));
      if (action === 'publish') load();
    } catch (error) {
      failed(error);
    } finally {
      setWorking(false);
    }
  }

  const stateText = (l: PageTranslations['languages'][number]) =>
    l.state === 'reviewed' ? fill(s['publish.state.reviewed']!, { name: l.reviewedBy ?? '', date: l.reviewedOn ?? '' }) : s[`publish.state.${l.state}`]!;

  if (ended) {
    return (
      <p className="error" role="alert">
        {s['publish.sessionEnded']} <a href="/staff/sign-in/">{s['console.signInAgain']}</a>
      </p>
    );
  }

  return (
    <>
      <h1>{s['publish.title']}</h1>
      <p>
        <a href="/keystatic/">{s['publish.editorLink']}</a>
      </p>

      <section aria-labelledby="translations">
        <h2 id="translations">{s['publish.translateHeading']}</h2>
        <div className="field">
          <label htmlFor="page">{s['publish.pageLabel']}</label>
          <p className="hint" id="page-hint">
            {s['publish.pageHint']}
          </p>
          <select id="page" aria-describedby="page-hint" value={chosen} onChange={(e) => (setChosen(e.target.value), setChanges(undefined), setMessage(undefined))}>
            <option value="" />
            {pages.map((p) => (
              <option key={`${p.collection}/${p.slug}`} value={`${p.collection}/${p.slug}`}>
                {fill(s[p.collection === 'campaigns' ? 'publish.campaign' : 'publish.guidance']!, { title: p.title })}
              </option>
            ))}
          </select>
        </div>
        <div role="status">
          {message && (
            <p className={message.error ? 'error' : 'status'}>
              {message.text} {message.link && <a href={message.link.href}>{message.link.text}</a>}
            </p>
          )}
        </div>
        {page && (
          <table className="queue">
            <thead>
              <tr>
                <th scope="col">{s['publish.language']}</th>
                <th scope="col">{s['publish.state']}</th>
                <th scope="col">{s['publish.actions']}</th>
              </tr>
            </thead>
            <tbody>
              {page.languages.map((l) => (
                <tr key={l.lang}>
                  <th scope="row">{languageNames[l.lang]}</th>
                  <td>{stateText(l)}</td>
                  <td className="actions">
                    {l.state === 'missing' ? (
                      <button type="button" onClick={() => translate(l.lang)}>
                        {fill(s['publish.translateInto']!, { language: languageNames[l.lang]! })}
                      </button>
                    ) : (
                      <>
                        <a href={translatingAddress(page.collection, l.lang, page.slug)}>{fill(s['publish.openTranslating']!, { language: languageNames[l.lang]! })}</a>
                        {l.state === 'outdated' && (
                          <button type="button" className="secondary" onClick={() => showChanges(l.lang)}>
                            {fill(s['publish.showChanges']!, { language: languageNames[l.lang]! })}
                          </button>
                        )}
                        {l.state !== 'reviewed' && (
                          <button type="button" className="secondary" onClick={() => review(l.lang)}>
                            {fill(s['publish.markReviewed']!, { language: languageNames[l.lang]! })}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {changes && (
          <div className="panel">
            <h3>{fill(s['publish.changesHeading']!, { language: languageNames[changes.lang]! })}</h3>
            {changes.parts ? (
              <>
                <p className="hint">{s['publish.changesKey']}</p>
                <div className="changes">
                  {changes.parts.map((part, i) =>
                    part.kind === 'same' ? (
                      <pre key={i}>{part.text}</pre>
                    ) : part.kind === 'added' ? (
                      <ins key={i}>
                        <strong>{s['publish.added']}: </strong>
                        <pre>{part.text}</pre>
                      </ins>
                    ) : (
                      <del key={i}>
                        <strong>{s['publish.removed']}: </strong>
                        <pre>{part.text}</pre>
                      </del>
                    ),
                  )}
                </div>
              </>
            ) : (
              <p>{s['publish.noChanges']}</p>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="publishing">
        <h2 id="publishing">{s['publish.publishHeading']}</h2>
        <p>{s['publish.publishIntro']}</p>
        <div className="filters">
          <button type="button" className="secondary" disabled={working} onClick={() => run('check')}>
            {s['publish.check']}
          </button>
          <button type="button" className="secondary" disabled={working} onClick={() => run('preview')}>
            {s['publish.preview']}
          </button>
          <button type="button" disabled={working} onClick={() => run('publish')}>
            {s['publish.publish']}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {working && <p className="status">{s['publish.working']}</p>}
        </div>
        {outcome && <OutcomeView outcome={outcome} s={s} />}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{s['publish.historyHeading']}</h2>
        {history.length ? (
          <ul>
            {history.map((h) => (
              <li key={h.at}>
                {fill(s['publish.historyItem']!, { date: new Date(h.at).toLocaleString('en-GB', { timeZone: 'Europe/London' }), name: h.actor, count: h.files.length })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{s['publish.noHistory']}</p>
        )}
      </section>
    </>
  );
}

/** What a check, preview or publish found. */
function OutcomeView({ outcome, s }: { outcome: Outcome; s: Strings }) {
  return (
    <div className="panel" tabIndex={-1} ref={(el) => el?.focus()}>
      {outcome.problems.length ? (
        <div role="alert">
          <p className="error">{s['publish.problems']}</p>
          <ul className="problems">
            {outcome.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="status" role="status">
          {outcome.published ? s['publish.published'] : s['publish.noProblems']}
        </p>
      )}
      {outcome.changed && (
        <>
          <p>{outcome.changed.length ? s['publish.changed'] : s['publish.nothingChanged']}</p>
          <ul>
            {outcome.changed.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      )}
      {outcome.previews && outcome.previews.length > 0 && !outcome.published && (
        <>
          <p>{s['publish.previews']}</p>
          <ul>
            {outcome.previews.map((p) => (
              <li key={p.url}>
                <a href={p.url}>{p.file}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.warnings.length > 0 && (
        <>
          <p>{s['publish.warnings']}</p>
          <ul>
            {outcome.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
