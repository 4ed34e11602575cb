/** The queue: open requests (or closed ones), oldest due first, filtered by status and holder. Nothing sealed. */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { api, type RequestSummary } from './api.ts';
import { duration, ukTime } from './format.ts';
import { fill, type ConsoleStrings } from './strings.ts';

interface Props {
  strings: ConsoleStrings;
  unlocked: boolean;
  onOpen: (id: string) => void;
  onError: (error: unknown) => boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

const statuses = ['new', 'claimed', 'contacted', 'could-not-contact', 'closed'] as const;
const nobody = '\u0000nobody';
/** Rows drawn at a time: the oldest due come first, and a page of thousands of rows is slow to draw and to read. */
const pageSize = 100;

export default function Queue({ strings: s, unlocked, onOpen, onError, headingRef }: Props) {
  const [status, setStatus] = useState<string>('');
  const [holder, setHolder] = useState<string>('');
  const [limit, setLimit] = useState(pageSize);
  const [data, setData] = useState<{ now: number; requests: RequestSummary[]; team: string[] }>();
  const closed = status === 'closed';

  useEffect(() => {
    api.queue(closed).then((r) => setData({ now: Date.parse(r.now), requests: r.requests, team: r.team }), onError);
  }, [closed, onError]);

  const shown = useMemo(
    () =>
      (data?.requests ?? []).filter(
        (r) => (!status || r.status === status) && (!holder || (holder === nobody ? r.claimedBy === null : r.claimedBy === holder)),
      ),
    [data, status, holder],
  );
  const holders = useMemo(() => [...new Set([...(data?.team ?? []), ...(data?.requests ?? []).flatMap((r) => (r.claimedBy ? [r.claimedBy] : []))])].sort(), [data]);

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" tabIndex={-1} ref={headingRef}>
        {s['queue.title']}
      </h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="filter-status">{s['queue.statusFilter']}</label>
          <select
            id="filter-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setLimit(pageSize);
            }}
          >
            <option value="">{s['queue.allOpen']}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {s[`status.${value}`]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-holder">{s['queue.holderFilter']}</label>
          <select
            id="filter-holder"
            value={holder}
            onChange={(e) => {
              setHolder(e.target.value);
              setLimit(pageSize);
            }}
          >
            <option value="">{s['queue.anyone']}</option>
            <option value={nobody}>{s['queue.nobody']}</option>
            {holders.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status">{data ? fill(s['queue.count'], { shown: Math.min(limit, shown.length), count: shown.length }) : ''}</p>
      {data && shown.length === 0 && <p>{s['queue.empty']}</p>}
      {shown.length > 0 && (
        <table className="queue">
          <thead>
            <tr>
              <th scope="col">{s['queue.reference']}</th>
              <th scope="col">{s['queue.language']}</th>
              <th scope="col">{s['queue.dueBy']}</th>
              <th scope="col">{s['queue.status']}</th>
              <th scope="col">{s['queue.holder']}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((r) => {
              const untilDue = Date.parse(r.dueBy) - data!.now;
              const overdue = untilDue < 0 && r.status !== 'closed' && (r.status === 'new' || r.status === 'claimed');
              return (
                <tr key={r.id} className={overdue ? 'overdue' : undefined}>
                  <td data-label={s['queue.reference']}>
                    {unlocked ? (
                      <button type="button" className="secondary open-request" onClick={() => onOpen(r.id)} aria-label={fill(s['queue.open'], { reference: r.reference })}>
                        {r.reference}
                      </button>
                    ) : (
                      <strong>{r.reference}</strong>
                    )}
                  </td>
                  <td data-label={s['queue.language']}>{r.lang}</td>
                  <td data-label={s['queue.dueBy']}>
                    {overdue && <span className="tag-overdue">{s['queue.overdue']}</span>}
                    {ukTime(r.dueBy)}{' '}
                    <span className="muted">({fill(untilDue < 0 ? s['queue.overdueBy'] : s['queue.dueIn'], { time: duration(untilDue) })})</span>
                  </td>
                  <td data-label={s['queue.status']}>{s[`status.${r.status}`]}</td>
                  <td data-label={s['queue.holder']}>{r.claimedBy ?? <span className="muted">{s['queue.nobody']}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > limit && (
        <p>
          <button type="button" className="secondary" onClick={() => setLimit(limit + pageSize)}>
            {fill(s['queue.showMore'], { count: Math.min(pageSize, shown.length - limit) })}
          </button>
        </p>
      )}
    </section>
  );
}
