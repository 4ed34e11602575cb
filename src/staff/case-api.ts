/**
 * The console's JSON routes for the case team. The server hands out sealed requests and notes as
 * they are stored and takes notes already sealed in the browser: it refuses anything that is not
 * an age file, so plaintext cannot reach the database through here even by mistake.
 */
import { callbackRecipients } from '../callback/recipients.ts';
import { attemptResults, CaseQueueError, type AttemptResult, type CaseStatus, type CaseSummary } from '../queue/types.ts';
import { sendJson, sessionCookie } from './http.ts';
import type { StaffContext } from './routes.ts';
import { endSession } from './sessions.ts';

const ageHeader = Buffer.from('age-encryption.org/v1\n');

/** Sealed bytes from base64, or undefined unless they are an age file. */
export function sealedFrom(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || value.length > 200_000) return undefined;
  const bytes = Buffer.from(value, 'base64');
  return bytes.subarray(0, ageHeader.length).equals(ageHeader) ? new Uint8Array(bytes) : undefined;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

const summaryJson = (c: CaseSummary) => ({
  id: c.id,
  reference: c.reference,
  lang: c.lang,
  createdAt: c.createdAt.toISOString(),
  dueBy: c.dueBy.toISOString(),
  status: c.status,
  claimedBy: c.claimedBy,
  closedAt: c.closedAt?.toISOString() ?? null,
});

/** The cases waiting for the team (anything not closed), oldest due first. */
const openStatuses: CaseStatus[] = ['new', 'claimed', 'contacted', 'could-not-contact'];

/** GET: who is signed in, and whether they keep a passkey-wrapped identity. */
export async function me(ctx: StaffContext): Promise<void> {
  const unlock = await ctx.store.wrappedIdentityOf(ctx.member!.id);
  sendJson(ctx.res, 200, { name: ctx.member!.name, roles: ctx.member!.roles, unlockCredential: unlock?.credential ?? null });
}

/** POST: ends the session and deletes the cookie. */
export async function signOut(ctx: StaffContext): Promise<void> {
  await endSession(ctx.req, ctx.config, ctx.store);
  if (ctx.member) await ctx.store.recordStaffEvent(ctx.member.name, 'sign-out');
  sendJson(ctx.res, 200, {}, { 'Set-Cookie': sessionCookie(ctx.config) });
}

/** GET ?status=closed for closed ones: the queue, oldest due first, and the team's names for reassigning. */
export async function listRequests(ctx: StaffContext): Promise<void> {
  const status = ctx.url.searchParams.get('status');
  const cases = status === 'closed' ? await ctx.queue.list({ status: 'closed' }) : (await ctx.queue.list()).filter((c) => openStatuses.includes(c.status));
  cases.sort((a, b) => a.dueBy.getTime() - b.dueBy.getTime() || a.createdAt.getTime() - b.createdAt.getTime());
  const team = (await ctx.store.listStaff()).filter((s) => s.roles.includes('case')).map((s) => s.name);
  sendJson(ctx.res, 200, { now: new Date().toISOString(), requests: cases.map(summaryJson), team });
}

/** GET: one case, sealed, with its audit trail (notes sealed). */
export async function getRequest(ctx: StaffContext): Promise<void> {
  const found = await ctx.queue.get(ctx.params.id!);
  if (!found) return sendJson(ctx.res, 404, { error: 'not-found' });
  const trail = await ctx.queue.audit(found.id);
  sendJson(ctx.res, 200, {
    request: summaryJson(found),
    sealed: base64(found.sealed),
    audit: trail.map((e) => ({ at: e.at.toISOString(), actor: e.actor, action: e.action, sealedDetail: e.sealedDetail ? base64(e.sealedDetail) : null })),
  });
}

/** GET: the public recipients the browser seals notes to (the same CALLBACK_RECIPIENTS as requests). */
export async function recipients(ctx: StaffContext): Promise<void> {
  sendJson(ctx.res, 200, { recipients: await callbackRecipients(process.env, { create: false }) });
}

/** GET: this member's passkey-wrapped identity, if they saved one. */
export async function getUnlock(ctx: StaffContext): Promise<void> {
  const saved = await ctx.store.wrappedIdentityOf(ctx.member!.id);
  if (!saved) return sendJson(ctx.res, 404, { error: 'none' });
  sendJson(ctx.res, 200, { credential: saved.credential, wrapped: base64(saved.wrapped) });
}

/** POST {credential, wrapped}: keeps the identity wrapped in the browser to this member's passkey PRF. */
export async function saveUnlock(ctx: StaffContext): Promise<void> {
  const wrapped = sealedFrom(ctx.body.wrapped);
  const credential = ctx.body.credential;
  if (!wrapped || typeof credential !== 'string' || !credential.startsWith('AGE-PLUGIN-FIDO2PRF-1') || credential.length > 2000) {
    return sendJson(ctx.res, 400, { error: 'not-wrapped' });
  }
  await ctx.store.saveWrappedIdentity(ctx.member!.id, { credential, wrapped });
  await ctx.store.recordStaffEvent(ctx.member!.name, 'unlock-saved');
  sendJson(ctx.res, 200, {});
}

/** The actions a case can take from the console; each is one queue call, saved with its audit row. */
const actions: Record<string, (ctx: StaffContext, id: string, actor: string) => Promise<void> | 'bad-request'> = {
  viewed: (ctx, id, actor) => ctx.queue.recordView(id, actor),
  claim: (ctx, id, actor) => ctx.queue.claim(id, actor),
  release: (ctx, id, actor) => ctx.queue.release(id, actor),
  reassign: (ctx, id, actor) => (typeof ctx.body.to === 'string' && ctx.body.to.trim() ? ctx.queue.reassign(id, ctx.body.to.trim(), actor) : 'bad-request'),
  attempt: (ctx, id, actor) => {
    const result = ctx.body.result as AttemptResult;
    if (!attemptResults.includes(result)) return 'bad-request';
    const note = optionalSealed(ctx.body.note);
    return note === 'bad-request' ? note : ctx.queue.recordAttempt(id, result, actor, note);
  },
  contacted: (ctx, id, actor) => {
    const note = optionalSealed(ctx.body.note);
    return note === 'bad-request' ? note : ctx.queue.recordOutcome(id, 'contacted', actor, note);
  },
  'could-not-contact': (ctx, id, actor) => {
    const note = optionalSealed(ctx.body.note);
    return note === 'bad-request' ? note : ctx.queue.recordOutcome(id, 'could-not-contact', actor, note);
  },
  'hand-over': (ctx, id, actor) => {
    const reference = sealedFrom(ctx.body.reference);
    return reference ? ctx.queue.handOver(id, actor, reference) : 'bad-request';
  },
  share: (ctx, id, actor) => {
    const reason = sealedFrom(ctx.body.reason);
    return reason && typeof ctx.body.share === 'boolean' ? ctx.queue.recordShareDecision(id, ctx.body.share, actor, reason) : 'bad-request';
  },
  close: (ctx, id, actor) => ctx.queue.closeCase(id, actor),
  reopen: (ctx, id, actor) => ctx.queue.reopen(id, actor),
};

function optionalSealed(value: unknown): Uint8Array | undefined | 'bad-request' {
  if (value === undefined || value === null || value === '') return undefined;
  return sealedFrom(value) ?? 'bad-request';
}

/** POST: one action on one case; 409 when its state does not allow it. */
export async function caseAction(ctx: StaffContext): Promise<void> {
  const run = actions[ctx.params.action!];
  if (!run || !Object.hasOwn(actions, ctx.params.action!)) return sendJson(ctx.res, 404, { error: 'not-found' });
  try {
    const outcome = await run(ctx, ctx.params.id!, ctx.member!.name);
    if (outcome === 'bad-request') return sendJson(ctx.res, 400, { error: 'bad-request' });
  } catch (error) {
    if (error instanceof CaseQueueError) return sendJson(ctx.res, error.code === 'not-found' ? 404 : 409, { error: error.code });
    throw error;
  }
  const found = await ctx.queue.get(ctx.params.id!);
  sendJson(ctx.res, 200, { request: found ? summaryJson(found) : null });
}
