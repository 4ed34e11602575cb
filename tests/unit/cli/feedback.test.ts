/**
 * `npm run queue -- feedback` and the feedback side of `purge`, run as the case team runs them: a
 * separate Node process over a real queue file, with feedback recorded through the CaseQueue API as
 * the survey's intake records it (sealed to the team's key, scores counted by day).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate, londonDate } from '../../../src/callback/london-time.ts';
import { seal } from '../../../src/callback/seal.ts';
import { parseOrganisation } from '../../../src/content/organisation-schema.ts';
import type { FeedbackAnswers } from '../../../src/feedback/schema.ts';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';

const root = new URL('../../..', import.meta.url).pathname;

function cli(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/queue.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, QUEUE_URL: '', CALLBACK_RECIPIENTS: '' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A data folder with a case team key, and this feedback in its queue, sealed as the intake seals it. */
async function withFeedback(sent: { receivedOn: string; answers: FeedbackAnswers }[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-feedback-'));
  const identityFile = join(dataDir, 'team.key');
  const recipient = cli(dataDir, ['keygen', '--out', identityFile]).out.trim();
  const queue = openSqliteQueue(join(dataDir, 'queue.db'));
  for (const { receivedOn, answers } of sent) {
    const sealed = await seal([recipient], JSON.stringify({ kind: 'feedback', lang: 'pl', receivedOn, answers }));
    const { easeOfAsking, calledSafely, listenedTo } = answers;
    await queue.recordFeedback({ receivedOn, sealed, scores: { easeOfAsking, calledSafely, listenedTo } });
  }
  await queue.shutdown();
  return { dataDir, identityFile };
}

// Each command is a fresh Node process; on a busy machine that takes a second or two.
describe('npm run queue -- feedback', { timeout: 90_000 }, () => {
  it("opens the month's feedback with the team's key: the day, the scores and the comment, nothing else", async () => {
    const { dataDir, identityFile } = await withFeedback([
      { receivedOn: '2026-11-30', answers: { easeOfAsking: '2', calledSafely: 'not-yet', listenedTo: '3', comment: 'The form was long.\nBut kind.' } },
      { receivedOn: '2026-10-31', answers: { easeOfAsking: '1', calledSafely: 'no', listenedTo: '1', comment: 'October' } },
      { receivedOn: '2026-11-01', answers: { easeOfAsking: '5', calledSafely: 'yes', listenedTo: '4', comment: '' } },
    ]);
    const text = cli(dataDir, ['feedback', '--month', '2026-11', '--identity', identityFile]);
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    expect(text.out).toBe(
      [
        '2026-11-01  easy to ask 5/5  called at a safe time: yes  listened to 4/5',
        '    (no comment)',
        '',
        '2026-11-30  easy to ask 2/5  called at a safe time: not called yet  listened to 3/5',
        '    The form was long.',
        '    But kind.',
        '',
      ].join('\n'),
    );
    const json = cli(dataDir, ['feedback', '--month', '2026-11', '--identity', identityFile, '--json']);
    expect(JSON.parse(json.out)).toEqual([
      { receivedOn: '2026-11-01', easeOfAsking: '5', calledSafely: 'yes', listenedTo: '4', comment: '' },
      { receivedOn: '2026-11-30', easeOfAsking: '2', calledSafely: 'not-yet', listenedTo: '3', comment: 'The form was long.\nBut kind.' },
    ]);
    expect(cli(dataDir, ['feedback', '--month', '2026-09', '--identity', identityFile]).out).toBe('No feedback was received in September 2026.\n');
  });

  it('refuses without a key, with a bad month or with a key that cannot open it, never printing a stack trace', async () => {
    const { dataDir } = await withFeedback([{ receivedOn: '2026-11-02', answers: { easeOfAsking: '3', calledSafely: 'yes', listenedTo: '3', comment: 'Private' } }]);
    for (const args of [['--month', '2026-11'], ['--month', '2026-13', '--identity', 'x']]) {
      const { code, out, err } = cli(dataDir, ['feedback', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^(--identity is required|--month must be a month written as YYYY-MM)/);
    }
    const other = join(dataDir, 'other.key');
    cli(dataDir, ['keygen', '--out', other]);
    const wrongKey = cli(dataDir, ['feedback', '--month', '2026-11', '--identity', other]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).not.toContain('Private');
    expect(wrongKey.err).not.toMatch(/\n\s+at /);
    expect(wrongKey.err.startsWith(`${other} cannot open the feedback of 2026-11-02 (`)).toBe(true);
    expect(wrongKey.err.endsWith("): use the case team's key it was sealed to.\n")).toBe(true);
  });

  it("purge deletes sealed feedback older than organisation.yaml's retentionDays and keeps the counts for the report", async () => {
    // Days relative to today, so the test means the same whenever it runs, whatever retentionDays is set to.
    const { retentionDays } = parseOrganisation(readFileSync(join(root, 'src/content/organisation.yaml'), 'utf8'));
    const today = londonDate(new Date());
    const old = isoDate(addDays(today, -retentionDays - 1));
    const recent = isoDate(today);
    const answers: FeedbackAnswers = { easeOfAsking: '4', calledSafely: 'yes', listenedTo: '5', comment: 'Thank you' };
    const { dataDir, identityFile } = await withFeedback([
      { receivedOn: old, answers },
      { receivedOn: recent, answers },
    ]);
    const purge = cli(dataDir, ['purge']);
    expect(purge.code).toBe(0);
    expect(purge.out).toContain(`Deleted 0 request(s) closed more than ${retentionDays} days ago.`);
    expect(purge.out).toContain(`Deleted 1 feedback answer(s) received more than ${retentionDays} days ago (their plain counts stay for the report).`);

    const month = (day: string) => day.slice(0, 7);
    const opened = (day: string) => JSON.parse(cli(dataDir, ['feedback', '--month', month(day), '--identity', identityFile, '--json']).out) as { receivedOn: string }[];
    expect(opened(old)).toEqual([]);
    expect(opened(recent).map((f) => f.receivedOn)).toEqual([recent]);
    expect(JSON.parse(cli(dataDir, ['report', '--month', month(old), '--json']).out).feedback.responses).toBe(1);
  });
});
