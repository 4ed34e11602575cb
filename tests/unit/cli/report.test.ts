/** `npm run queue -- report`, run as a manager runs it: a separate Node process over a real queue file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newIdentity, seal } from '../../../src/callback/seal.ts';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import { sampleCase } from '../../contract/case-queue-contract.ts';

const root = new URL('../../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'cli-report-'));

function report(args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/queue.ts', 'report', ...args], {
    cwd: root,
    // No key of any kind: the report never opens anything sealed.
    env: { ...process.env, DATA_DIR: dataDir, QUEUE_URL: '', CALLBACK_RECIPIENTS: '' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const inNovember = (day: number) => new Date(Date.UTC(2026, 10, day, 10, 0));
const farAhead = new Date('2100-01-01T00:00:00Z');

/**
 * November 2026, through the CaseQueue API as the console and the command line record it: one
 * contacted on time after a missed attempt, handed over, with a share decision; one contacted after
 * its due-by; one could not be contacted; one waiting. First contacts are recorded now (the audit
 * time is the queue's own), so on time and late come from the due-by each was given. Two people
 * sent feedback in November (its first and last days) and one on 1 December.
 */
beforeAll(async () => {
  const queue = openSqliteQueue(join(dataDir, 'queue.db'));
  const sealed = await seal([(await newIdentity()).recipient], JSON.stringify({ phone: '+447700900321' }));
  const enqueue = async (overrides: Parameters<typeof sampleCase>[0]) => {
    const input = sampleCase({ sealed, ...overrides });
    await queue.enqueue(input);
    return (await queue.get(input.reference))!.id;
  };
  const onTime = await enqueue({ createdAt: inNovember(2), dueBy: farAhead, lang: 'pl', accessNeeds: ['interpreter'] });
  await queue.claim(onTime, 'sam');
  await queue.recordAttempt(onTime, 'no-answer', 'sam');
  await queue.recordOutcome(onTime, 'contacted', 'sam');
  await queue.handOver(onTime, 'sam', sealed);
  await queue.recordShareDecision(onTime, true, 'sam', sealed);
  const late = await enqueue({ createdAt: inNovember(9), dueBy: inNovember(10), accessNeeds: ['bsl', 'easy-read'] });
  await queue.claim(late, 'sam');
  await queue.recordOutcome(late, 'contacted', 'sam');
  const unreachable = await enqueue({ createdAt: inNovember(16), dueBy: inNovember(17), lang: 'ar' });
  await queue.claim(unreachable, 'alex');
  await queue.recordOutcome(unreachable, 'could-not-contact', 'alex');
  await enqueue({ createdAt: inNovember(30), dueBy: farAhead, lang: 'pl' });
  // Outside the month: received in December.
  await enqueue({ createdAt: new Date('2026-12-01T00:00:00Z'), dueBy: farAhead });
  await queue.recordFeedback({ receivedOn: '2026-11-01', sealed, scores: { easeOfAsking: '5', calledSafely: 'yes', listenedTo: '4' } });
  await queue.recordFeedback({ receivedOn: '2026-11-30', sealed, scores: { easeOfAsking: '2', calledSafely: 'not-yet', listenedTo: '4' } });
  await queue.recordFeedback({ receivedOn: '2026-12-01', sealed, scores: { easeOfAsking: '1', calledSafely: 'no', listenedTo: '1' } });
  await queue.shutdown();
});

describe('npm run queue -- report', { timeout: 90_000 }, () => {
  it('prints the month as a table a manager can paste, with the definitions it rests on', () => {
    const { code, out, err } = report(['--month', '2026-11']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Callback requests received in November 2026\n/);
    expect(out).toMatch(/\n {2}Received +4\n/);
    expect(out).toMatch(/\n {2}On time \(at or before the due-by\) +1 +25\.0\n/);
    expect(out).toMatch(/\n {2}Late +1 +25\.0\n/);
    expect(out).toMatch(/\n {2}Not yet +2 +50\.0\n/);
    expect(out).toMatch(/\n {4}of which past the due-by +1\n/);
    expect(out).toMatch(/\n {2}Median +\d+\.\d\n/);
    expect(out).toMatch(/\n {2}Requests contacted +2\n/);
    expect(out).toMatch(/\n {2}Could not contact +1\n/);
    expect(out).toMatch(/\n {2}Handed over to case management +1\n/);
    expect(out).toMatch(/\n {2}Share +1\n {2}Do not share +0\n/);
    expect(out).toMatch(/\n {2}Polish +2\n {2}English +1\n {2}Arabic +1\n/);
    expect(out).toMatch(/\n {2}Interpreter +1\n {2}BSL +1\n {2}Relay UK +0\n {2}Easy Read +1\n {2}None asked for +2\n/);
    expect(out).toMatch(/\nSurvivors' feedback\n {2}Responses +2\n/);
    expect(out).toMatch(/\nWas it easy to ask us for help\? \(1 very hard, 5 very easy\)\n {2}1 +0\n {2}2 +1\n {2}3 +0\n {2}4 +0\n {2}5 +1\n/);
    expect(out).toMatch(/\n {2}Yes +1\n {2}No +0\n {2}Not called yet +1\n/);
    expect(out).toMatch(/\nDid you feel listened to\? \(1 not at all, 5 yes, fully\)\n {2}1 +0\n {2}2 +0\n {2}3 +0\n {2}4 +2\n {2}5 +0\n/);
    expect(out).toContain('Working hours are the hours of working days (Monday to Friday, not a bank holiday in England and Wales)');
    expect(out).not.toMatch(/CB-|7700|sam|alex/);
  });

  it('gives the same figures as JSON and as CSV', () => {
    const json = report(['--month', '2026-11', '--json']);
    expect(json.code).toBe(0);
    const figures = JSON.parse(json.out);
    expect(figures).toMatchObject({
      month: '2026-11',
      received: 4,
      firstContact: { onTime: { count: 1, percent: 25 }, late: { count: 1, percent: 25 }, notYet: { count: 2, percent: 50 }, notYetPastDue: 1 },
      attemptsBeforeContact: { '0': 1, '1': 1, '2': 0, '3+': 0 },
      outcomes: { contacted: 2, 'could-not-contact': 1, 'none-yet': 1 },
      handedOver: 1,
      shareDecisions: { share: 1, 'not-share': 0 },
      accessNeeds: { interpreter: 1, bsl: 1, 'relay-uk': 0, 'easy-read': 1, none: 2, 'not-recorded': 0 },
      feedback: {
        responses: 2,
        easeOfAsking: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
        calledSafely: { yes: 1, no: 0, 'not-yet': 1 },
        listenedTo: { '1': 0, '2': 0, '3': 0, '4': 2, '5': 0 },
      },
    });
    expect(figures.timeToFirstContact.contacted).toBe(2);
    expect(figures.timeToFirstContact.medianWorkingHours).toBeGreaterThan(0);
    const csv = report(['--month', '2026-11', '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toBe('month,section,measure,value,percent');
    expect(lines).toContain('2026-11,First contact,Late,1,25');
    expect(lines).toContain('2026-11,Language of the request,Polish,2,');
    expect(lines).toContain("2026-11,Survivors' feedback,Responses,2,");
    expect(lines).toContain('2026-11,"Did you feel listened to? (1 not at all, 5 yes, fully)",4,2,');
  });

  it('says when a month had no requests and no feedback, and shows a month that had only feedback', () => {
    const { code, out } = report(['--month', '2026-10']);
    expect(code).toBe(0);
    expect(out).toContain('No requests were received in October 2026.\nNo feedback was received in October 2026.');
    const december = report(['--month', '2026-12']).out;
    expect(december).toMatch(/\n {2}Received +1\n/);
    expect(december).toMatch(/\nSurvivors' feedback\n {2}Responses +1\n/);
  });

  it('answers a bad month with a plain sentence and exit code 2, never a stack trace', () => {
    // Each run is a Node process of its own, slow on a busy machine: two cover both refusals (reportMonth's unit tests cover the spellings).
    for (const args of [['--month', '2026-13'], ['--month', '2026-11', '--json', '--csv']]) {
      const { code, out, err } = report(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^(--month must be a month written as YYYY-MM, for example 2026-11|Choose --json or --csv, not both)/);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });
});
