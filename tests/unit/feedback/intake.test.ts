/**
 * The feedback intake in one process: real schema, real age sealing, a real SQLite queue in a
 * temporary folder. The checks it shares with the callback intake answer as they do there; the
 * answers are sealed, the scores counted, and a storage failure is never a thank-you.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoDate, londonDate } from '../../../src/callback/london-time.ts';
import { fromWebRequest } from '../../../src/callback/web-request.ts';
import { newIdentity, unseal } from '../../../src/callback/seal.ts';
import { createFeedbackIntake, type FeedbackIntakeDependencies } from '../../../src/feedback/intake.ts';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import type { CaseQueue } from '../../../src/queue/types.ts';

const { identity, recipient } = await newIdentity();
const queues: CaseQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.shutdown()));
  vi.restoreAllMocks();
});

function setup(overrides: Partial<FeedbackIntakeDependencies> = {}) {
  const path = join(mkdtempSync(join(tmpdir(), 'feedback-intake-')), 'queue.db');
  const queue = openSqliteQueue(path);
  queues.push(queue);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const intake = createFeedbackIntake({ openQueue: async () => queue, recipients: async () => [recipient], rateLimit: { perClient: 2, windowMs: 60_000 }, ...overrides });
  return { path, queue, intake };
}

const origin = 'http://site.test';
const answers = { easeOfAsking: '2', calledSafely: 'yes', listenedTo: '5', comment: 'The second call was at a bad time.' };
function post(body: string, headers: Record<string, string> = {}) {
  return new Request(`${origin}/en/feedback/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers }, body });
}
const form = (record: Record<string, string>) => new URLSearchParams(record).toString();
const send = (intake: ReturnType<typeof createFeedbackIntake>, request: Request, clientAddress = '192.0.2.7') =>
  intake.handle({ ...fromWebRequest(request), clientAddress, lang: 'pl', route: '/[lang]/feedback/' });

describe('the feedback intake', () => {
  it('201: seals every answer to the case team and counts the scores, never the comment, under the day alone', async () => {
    const { intake, queue, path } = setup();
    expect(await send(intake, post(form(answers)))).toEqual({ status: 201 });
    const today = isoDate(londonDate(new Date()));
    const counts = await queue.feedbackCounts(today, today);
    expect(counts).toMatchObject({ responses: 1, easeOfAsking: { '2': 1 }, calledSafely: { yes: 1 }, listenedTo: { '5': 1 } });

    const db = new DatabaseSync(path, { readOnly: true });
    const rows = db.prepare('SELECT * FROM feedback').all() as { received_on: string; sealed: Uint8Array }[];
    const plain = JSON.stringify(db.prepare('SELECT * FROM feedback_counts').all());
    db.close();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'received_on', 'sealed']);
    expect(rows[0]!.received_on).toBe(today);
    expect(Buffer.from(rows[0]!.sealed).toString('latin1')).not.toContain('second call');
    expect(plain).not.toContain('second call');
    expect(JSON.parse(await unseal(identity, new Uint8Array(rows[0]!.sealed)))).toEqual({ kind: 'feedback', lang: 'pl', receivedOn: today, answers });
  });

  it('400: a missing choice or a comment of 501 characters comes back with its key and everything typed', async () => {
    const { intake, queue } = setup();
    const typed = { calledSafely: 'no', listenedTo: '3', comment: 'x'.repeat(501) };
    expect(await send(intake, post(form(typed)))).toEqual({
      status: 400,
      errors: { easeOfAsking: 'feedbackForm.errorEase', comment: 'callbackForm.errorMessageTooLong' },
      values: typed,
    });
    expect((await queue.feedbackCounts('2000-01-01', '2999-12-31')).responses).toBe(0);
  });

  it('400: a choice sent twice is asked again rather than guessed', async () => {
    const { intake } = setup();
    const outcome = await send(intake, post(`${form(answers)}&easeOfAsking=5`));
    expect(outcome).toMatchObject({ status: 400, errors: { easeOfAsking: 'feedbackForm.errorEase' } });
  });

  it('answers the shared checks as the callback intake does: 405, 403, 415, 413, then 429 after the client\'s budget', async () => {
    const { intake } = setup();
    expect((await intake.handle({ ...fromWebRequest(new Request(`${origin}/en/feedback/`)), clientAddress: '192.0.2.8', lang: 'en', route: 'test' })).status).toBe(405);
    expect((await send(intake, post(form(answers), { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await send(intake, post(form(answers), { 'content-type': 'text/plain' }))).status).toBe(415);
    expect((await send(intake, post(form({ ...answers, comment: 'x'.repeat(17 * 1024) })))).status).toBe(413);
    expect((await send(intake, post(form(answers)))).status).toBe(201);
    expect((await send(intake, post(form(answers)))).status).toBe(201);
    expect(await send(intake, post(form(answers)))).toMatchObject({ status: 429 });
  });

  it('503 with everything typed, never a thank-you, when the answers cannot be stored', async () => {
    const { intake, queue } = setup();
    vi.spyOn(queue, 'recordFeedback').mockRejectedValue(new Error('disk full'));
    expect(await send(intake, post(form(answers)))).toEqual({ status: 503, values: answers });
    const broken = setup({ openQueue: () => Promise.reject(new Error('no database')) });
    expect(await send(broken.intake, post(form(answers)))).toEqual({ status: 503, values: answers });
  });
});
