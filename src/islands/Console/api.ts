/** The console's calls to the staff listener's JSON routes. A 401 means the session is over. */

/** The session ended (idle, 8 hours, signed out or removed): the console locks and asks to sign in. */
export class SessionEnded extends Error {}

/** The action was refused because the request is no longer in a state that allows it. */
export class ActionRefused extends Error {}

/** What the queue shows of a request: nothing sealed. */
export interface RequestSummary {
  id: string;
  reference: string;
  lang: string;
  createdAt: string;
  dueBy: string;
  status: 'new' | 'claimed' | 'contacted' | 'could-not-contact' | 'closed';
  claimedBy: string | null;
  closedAt: string | null;
}

/** One audit line, its note still sealed (base64). */
export interface AuditLine {
  at: string;
  actor: string;
  action: string;
  sealedDetail: string | null;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) } : {}),
  });
  if (response.status === 401) throw new SessionEnded();
  if (response.status === 409) throw new ActionRefused();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const api = {
  me: () => call<{ name: string; roles: string[]; unlockCredential: string | null }>('GET', '/staff/api/me'),
  signOut: () => call<object>('POST', '/staff/api/sign-out'),
  recipients: () => call<{ recipients: string[] }>('GET', '/staff/api/recipients'),
  unlockCopy: () => call<{ credential: string; wrapped: string }>('GET', '/staff/api/unlock'),
  saveUnlockCopy: (credential: string, wrapped: string) => call<object>('POST', '/staff/api/unlock', { credential, wrapped }),
  queue: (closed: boolean) =>
    call<{ now: string; requests: RequestSummary[]; team: string[] }>('GET', closed ? '/staff/api/requests?status=closed' : '/staff/api/requests'),
  request: (id: string) => call<{ request: RequestSummary; sealed: string; audit: AuditLine[] }>('GET', `/staff/api/requests/${encodeURIComponent(id)}`),
  act: (id: string, action: string, body: Record<string, unknown> = {}) =>
    call<{ request: RequestSummary }>('POST', `/staff/api/requests/${encodeURIComponent(id)}/${action}`, body),
};
