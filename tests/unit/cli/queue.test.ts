/** The staff command line, run as staff run it: a separate Node process over a real queue file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../../src/callback/seal.ts';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import { sampleCase } from '../../contract/case-queue-contract.ts';

const root = new URL('../../..', import.meta.url).pathname;

function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['src/cli/queue.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, QUEUE_URL: '', CALLBACK_RECIPIENTS: '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A data folder with a staff identity and one sealed request in its queue. */
async function setup(dueBy = new Date(Date.now() + 86_400_000)) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cli-'));
  const identityFile = join(dataDir, 'staff.key');
  const keygen = cli(dataDir, ['keygen', '--out', identityFile]);
  expect(keygen.code).toBe(0);
  const recipient = keygen.out.trim();
  const queue = openSqliteQueue(join(dataDir, 'queue.db'));
  const request = { reference: 'x', request: { phone: '+447700900456', askFor: 'Robin' } };
  const input = sampleCase({ dueBy, sealed: await seal([recipient], JSON.stringify(request)) });
  await queue.enqueue(input);
  await queue.shutdown();
  return { dataDir, identityFile, recipient, reference: input.reference, env: { CALLBACK_RECIPIENTS: recipient } };
}

// Each command is a fresh Node process; on a busy machine that takes a second or two.
describe('npm run queue', { timeout: 90_000 }, () => {
  it('keygen writes a private identity and prints its recipient; it never overwrites one', async () => {
    const { dataDir, identityFile, recipient } = await setup();
    expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);
    expect(statSync(identityFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(identityFile, 'utf8')).toContain('AGE-SECRET-KEY-1');
    expect(cli(dataDir, ['keygen', '--out', identityFile]).code).toBe(2);
  });

  it('list shows id, reference, times and status, and nothing sealed', async () => {
    const { dataDir, reference } = await setup();
    const plain = cli(dataDir, ['list']);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain(reference);
    expect(plain.out).toContain('new');
    expect(plain.out).not.toContain('7700');
    const json = JSON.parse(cli(dataDir, ['list', '--json', '--status', 'new']).out);
    expect(Object.keys(json[0]).sort()).toEqual(['claimedBy', 'closedAt', 'createdAt', 'dueBy', 'id', 'lang', 'reference', 'status']);
    expect(JSON.parse(cli(dataDir, ['list', '--json', '--status', 'closed']).out)).toEqual([]);
  });

  it('show decrypts with the identity and records the view', async () => {
    const { dataDir, identityFile, reference } = await setup();
    const shown = JSON.parse(cli(dataDir, ['show', reference, '--identity', identityFile, '--json', '--by', 'sam']).out);
    expect(shown.request.request).toEqual({ phone: '+447700900456', askFor: 'Robin' });
    const again = JSON.parse(cli(dataDir, ['show', reference, '--identity', identityFile, '--json']).out);
    expect(again.audit.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`)).toContain('viewed:sam');
  });

  it('show --raw prints the sealed request, which Debian\'s age decrypts', async () => {
    const { dataDir, identityFile, reference } = await setup();
    const raw = cli(dataDir, ['show', reference, '--raw']);
    expect(raw.code).toBe(0);
    expect(raw.out).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    const sealedFile = join(dataDir, 'request.age');
    writeFileSync(sealedFile, raw.out);
    const age = spawnSync('age', ['-d', '-i', identityFile, sealedFile], { encoding: 'utf8' });
    expect(age.status, age.stderr).toBe(0);
    expect(JSON.parse(age.stdout).request.phone).toBe('+447700900456');
  });

  it('claim, done with a sealed note, close, share with a sealed reason: the whole life of a request', async () => {
    const { dataDir, identityFile, reference, env } = await setup();
    expect(cli(dataDir, ['claim', reference, '--by', 'sam'], env).code).toBe(0);
    expect(cli(dataDir, ['claim', reference, '--by', 'alex'], env).code).toBe(1);
    const note = 'Spoke to Robin, safe to call Tuesdays';
    expect(cli(dataDir, ['done', reference, '--outcome', 'contacted', '--by', 'sam', '--note', note], env).code).toBe(0);
    expect(cli(dataDir, ['share', reference, '--decision', 'share', '--reason', 'MARAC referral, risk to life', '--by', 'sam'], env).code).toBe(0);
    expect(cli(dataDir, ['close', reference, '--by', 'sam'], env).code).toBe(0);
    const db = Buffer.concat(readdirSync(dataDir).filter((f) => f.startsWith('queue.db')).map((f) => readFileSync(join(dataDir, f))));
    expect(db.includes(Buffer.from('Spoke to Robin'))).toBe(false);
    expect(db.includes(Buffer.from('MARAC'))).toBe(false);
    const shown = JSON.parse(cli(dataDir, ['show', reference, '--identity', identityFile, '--json'], env).out);
    expect(shown.status).toBe('closed');
    expect(shown.audit.map((e: { action: string; detail: string | null }) => [e.action, e.detail])).toEqual([
      ['created', null],
      ['claimed', null],
      ['contacted', note],
      ['shared', 'MARAC referral, risk to life'],
      ['closed', null],
    ]);
  });

  it('overdue exits 1 when a request is past its due time, so cron can alert', async () => {
    const late = await setup(new Date(Date.now() - 60_000));
    const result = cli(late.dataDir, ['overdue']);
    expect(result.code).toBe(1);
    expect(result.out).toContain(late.reference);
    const onTime = await setup();
    expect(cli(onTime.dataDir, ['overdue', '--json']).code).toBe(0);
  });

  it('purge deletes only requests closed long enough ago, never open ones', async () => {
    const { dataDir, reference, env } = await setup();
    expect(cli(dataDir, ['purge']).out).toContain('Deleted 0');
    cli(dataDir, ['claim', reference, '--by', 'sam'], env);
    cli(dataDir, ['done', reference, '--outcome', 'could-not-contact', '--by', 'sam'], env);
    cli(dataDir, ['close', reference, '--by', 'sam'], env);
    expect(cli(dataDir, ['purge', '--older-than', '1']).out).toContain('Deleted 0');
    expect(cli(dataDir, ['list']).out).toContain(reference);
  });

  it.each([
    [['frobnicate']],
    [['list', '--status', 'lost']],
    [['show']],
    [['show', 'CB-AAAA-AAAA']],
    [['claim', 'x']],
    [['done', 'x', '--by', 'sam', '--outcome', 'maybe']],
    [['purge', '--older-than', 'soon']],
    [['list', '--bogus']],
  ])('bad arguments %j get a clear message and exit 2', async (args) => {
    const { dataDir } = await setup();
    const result = cli(dataDir, args);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: npm run queue');
  });

  it('a note is sealed: without a recipient the command refuses rather than store it in plaintext', async () => {
    const { dataDir, reference } = await setup();
    cli(dataDir, ['claim', reference, '--by', 'sam']);
    const result = cli(dataDir, ['done', reference, '--outcome', 'contacted', '--by', 'sam', '--note', 'private']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('CALLBACK_RECIPIENTS is not set');
  });

  it.each([',', ' ', 'age1notakey'])('CALLBACK_RECIPIENTS=%j: a note or a reason is never sealed to no one; nothing is recorded', async (value) => {
    const { dataDir, identityFile, reference, env } = await setup();
    expect(cli(dataDir, ['claim', reference, '--by', 'sam'], env).code).toBe(0);
    const bad = { CALLBACK_RECIPIENTS: value };
    const done = cli(dataDir, ['done', reference, '--outcome', 'contacted', '--by', 'sam', '--note', 'private'], bad);
    expect(done.code).toBe(1);
    expect(done.err).toMatch(/CALLBACK_RECIPIENTS is (set but holds no key|wrong)/);
    const share = cli(dataDir, ['share', reference, '--decision', 'share', '--reason', 'private', '--by', 'sam'], bad);
    expect(share.code).toBe(1);
    expect(share.err).toMatch(/CALLBACK_RECIPIENTS is (set but holds no key|wrong)/);
    const shown = JSON.parse(cli(dataDir, ['show', reference, '--identity', identityFile, '--json'], env).out);
    expect(shown.status).toBe('claimed');
    expect(shown.audit.map((e: { action: string }) => e.action)).toEqual(['created', 'claimed']);
  });

  it('verify exits 0 while every audit trail is as written, and 1 naming the request whose trail was changed', async () => {
    const { dataDir, reference, env } = await setup();
    expect(cli(dataDir, ['claim', reference, '--by', 'sam'], env).code).toBe(0);
    const intact = cli(dataDir, ['verify']);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('intact');
    // Someone with the file, and the will to drop the trigger, rewrites who claimed it.
    const db = new DatabaseSync(join(dataDir, 'queue.db'));
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'alex' WHERE action = 'claimed'");
    db.close();
    const broken = cli(dataDir, ['verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`${reference} (`);
    expect(broken.err).toContain('changed at entry 2');
  });

  it('unseal opens what seal closed (the helpers the CLI uses)', async () => {
    const { identityFile, recipient } = await setup();
    const identity = readFileSync(identityFile, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
    expect(await unseal(identity, await seal([recipient], 'hello'))).toBe('hello');
  });

  it('notifications lists waiting and dead ones with nothing personal, and retry sends one or every dead one again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cli-'));
    const queue = openSqliteQueue(join(dataDir, 'queue.db'));
    const now = new Date();
    const input = sampleCase({ createdAt: now, dueBy: new Date(now.getTime() + 86_400_000) });
    await queue.enqueue({ ...input, notifications: [{ kind: 'new', channel: 'email', runAt: now }, { kind: 'new', channel: 'webhook', runAt: now }] });
    const [held] = await queue.claimNotifications('w1', ['email'], now, 60_000, 1);
    await queue.failNotification(held!.id, 'w1', 'Error:ECONNREFUSED', now, { baseMs: 1_000, capMs: 1_000, maxAttempts: 1 });
    await queue.shutdown();

    const listed = cli(dataDir, ['notifications']);
    expect(listed.code).toBe(1); // one is dead: cron can alert on it
    const lines = listed.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('email'))).toMatch(new RegExp(`^${held!.id}  ${input.reference}  new  email  dead  attempts 1  Error:ECONNREFUSED$`));
    expect(lines.find((l) => l.includes('webhook'))).toMatch(new RegExp(`${input.reference}  new  webhook  pending  attempts 0  next `));
    expect(cli(dataDir, ['notifications', 'retry']).code).toBe(2);
    expect(cli(dataDir, ['notifications', 'again', '--dead']).code).toBe(2);
    expect(cli(dataDir, ['notifications', 'retry', 'no-such-id']).code).toBe(1);
    const retried = cli(dataDir, ['notifications', 'retry', '--dead']);
    expect(retried.out).toContain('1 notification(s) will be sent again now.');
    const after = JSON.parse(cli(dataDir, ['notifications', '--json']).out) as { state: string; attempts: number; lastError: string | null }[];
    expect(after.map((n) => [n.state, n.attempts, n.lastError])).toEqual([
      ['pending', 0, null],
      ['pending', 0, null],
    ]);
  });
});
