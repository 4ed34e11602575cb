/**
 * The case team's command line: `npm run queue -- <command>`. Runs under plain Node 24, so it
 * imports nothing that needs Vite. It honours DATA_DIR and QUEUE_URL, like the server.
 * Exit codes: 0 done, 1 something is overdue (for cron) or a command failed, 2 bad arguments.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { isoDate, londonDate } from '../callback/london-time.ts';
import { callbackRecipients } from '../callback/recipients.ts';
import { armored, identityFrom, newIdentity, seal, unseal } from '../callback/seal.ts';
import { brokenChains } from '../queue/audit-chain.ts';
import { openQueue } from '../queue/index.ts';
import { runStaffCommand, staffUsage, StaffUsageError } from './staff.ts';
import { parseOrganisation, type Organisation } from '../content/organisation-schema.ts';
import type { FeedbackAnswers } from '../feedback/schema.ts';
import { monthlyFigures } from '../report/monthly-figures.ts';
import { reportCsv, reportJson, reportText } from '../report/report-formats.ts';
import { reportMonth } from '../report/report-month.ts';
import { caseStatuses, CaseQueueError, type CaseQueue, type CaseStatus, type CaseSummary, type NotificationSummary } from '../queue/types.ts';

const usage = `Usage: npm run queue -- <command>

  keygen --out FILE                      write a new identity to FILE; print its public recipient
  list [--status S] [--json]             list requests (nothing sealed is shown)
  show ID --identity FILE [--json] [--raw] [--by NAME]
                                         decrypt one request (recorded as viewed); --raw prints it sealed
  claim ID --by NAME                     take a new request
  done ID --outcome contacted|could-not-contact --by NAME [--note TEXT]
  close ID --by NAME                     close a request after its outcome
  share ID --decision share|not-share --reason TEXT --by NAME
                                         record a decision to share information, and why
  overdue [--json]                       list requests past their due time; exit 1 if any
  purge [--older-than DAYS]              delete requests closed, and sealed feedback received, more than
                                         DAYS ago (default retentionDays in organisation.yaml); feedback counts stay
  verify                                 check every request's audit trail is as written; exit 1 naming any that is not
  report --month YYYY-MM [--json|--csv]  figures for the requests and the feedback received that month (nothing sealed is opened)
  feedback --month YYYY-MM --identity FILE [--json]
                                         decrypt the feedback received that month: day, scores and comment
${staffUsage}

ID is a request's id or its reference (CB-XXXX-XXXX). Statuses: ${caseStatuses.join(', ')}.`;

/** The organisation's settings. Read here, not through src/content/organisation.ts, whose ?raw import only Vite understands. */
const organisation = (): Organisation => parseOrganisation(readFileSync(new URL('../content/organisation.yaml', import.meta.url), 'utf8'));

/** One feedback as the case team reads it: the day it came, the scores and the comment (all the survey asks). */
type OpenedFeedback = { receivedOn: string } & FeedbackAnswers;

const calledSafelyText: Record<FeedbackAnswers['calledSafely'], string> = { yes: 'yes', no: 'no', 'not-yet': 'not called yet' };

/** A feedback in the text output: the day and scores on one line, the comment indented under it. */
const feedbackRow = (f: OpenedFeedback) =>
  [
    `${f.receivedOn}  easy to ask ${f.easeOfAsking}/5  called at a safe time: ${calledSafelyText[f.calledSafely]}  listened to ${f.listenedTo}/5`,
    ...(f.comment ? f.comment.split('\n').map((line) => `    ${line}`) : ['    (no comment)']),
  ].join('\n');

/** A mistake in how the command was called: message, usage, exit 2. */
class UsageError extends Error {}

const options = {
  out: { type: 'string' },
  status: { type: 'string' },
  json: { type: 'boolean' },
  identity: { type: 'string' },
  raw: { type: 'boolean' },
  by: { type: 'string' },
  outcome: { type: 'string' },
  note: { type: 'string' },
  decision: { type: 'string' },
  reason: { type: 'string' },
  'older-than': { type: 'string' },
  month: { type: 'string' },
  csv: { type: 'boolean' },
  name: { type: 'string' },
  role: { type: 'string' },
  dead: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function required(values: Values, name: 'out' | 'identity' | 'by' | 'outcome' | 'decision' | 'reason'): string {
  const value = values[name];
  if (!value || !value.trim()) throw new UsageError(`--${name} is required.`);
  return value.trim();
}

function caseId(positionals: string[]): string {
  const id = positionals[1];
  if (!id) throw new UsageError('Give the request\'s id or reference.');
  return id;
}

const row = (c: CaseSummary) => [c.id, c.reference, c.createdAt.toISOString(), c.dueBy.toISOString(), c.status].join('  ');
/** A notification as staff see it: no personal data, and of an error only its class. */
const notificationRow = (n: NotificationSummary) =>
  [n.id, n.reference, n.kind, n.channel, n.state, `attempts ${n.attempts}`, n.state === 'pending' ? `next ${n.runAt.toISOString()}` : '', n.lastError ?? '']
    .filter(Boolean)
    .join('  ');
const asJson = (c: CaseSummary) => ({ ...c, createdAt: c.createdAt.toISOString(), dueBy: c.dueBy.toISOString(), closedAt: c.closedAt?.toISOString() ?? null });

async function resolve(queue: CaseQueue, idOrReference: string) {
  const found = await queue.get(idOrReference);
  if (!found) throw new CaseQueueError('not-found', `No request with id or reference ${idOrReference}.`);
  return found;
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }

  if (command === 'keygen') {
    const out = required(values, 'out');
    if (existsSync(out)) throw new UsageError(`${out} already exists; it will not be overwritten.`);
    const { identity, recipient } = await newIdentity();
    writeFileSync(out, `# created: ${new Date().toISOString()}\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600, flag: 'wx' });
    console.log(recipient);
    return 0;
  }

  if (command === 'staff') {
    return runStaffCommand({ sub: positionals[1], target: positionals[2], name: values.name, role: values.role, json: values.json });
  }

  const known = ['list', 'show', 'claim', 'done', 'close', 'share', 'overdue', 'purge', 'verify', 'report', 'feedback', 'notifications'];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}".`);
  let status: CaseStatus | undefined;
  if (values.status !== undefined) {
    if (!caseStatuses.includes(values.status as CaseStatus)) throw new UsageError(`--status must be one of ${caseStatuses.join(', ')}.`);
    status = values.status as CaseStatus;
  }
  // The privacy page states retentionDays, so purge keeps to it unless told otherwise.
  let olderThanDays = command === 'purge' ? organisation().retentionDays : 0;
  if (values['older-than'] !== undefined) {
    olderThanDays = Number(values['older-than']);
    if (!Number.isInteger(olderThanDays) || olderThanDays < 1) throw new UsageError('--older-than must be a whole number of days, 1 or more.');
  }
  const outcome = values.outcome;
  if (command === 'done' && outcome !== 'contacted' && outcome !== 'could-not-contact') {
    throw new UsageError('--outcome must be contacted or could-not-contact.');
  }
  if (command === 'share' && values.decision !== 'share' && values.decision !== 'not-share') {
    throw new UsageError('--decision must be share or not-share.');
  }
  const month = command === 'report' || command === 'feedback' ? reportMonth(values.month ?? '') : undefined;
  if (command === 'report' || command === 'feedback') {
    if (!month) throw new UsageError(`--month must be a month written as YYYY-MM, for example 2026-11${values.month ? `, not "${values.month}"` : ''}.`);
    if (values.json && values.csv) throw new UsageError('Choose --json or --csv, not both.');
  }
  if (command === 'feedback' && values.csv) throw new UsageError('feedback prints text or --json, not --csv.');
  const sub = command === 'notifications' ? positionals[1] : undefined;
  if (sub !== undefined && sub !== 'retry') throw new UsageError(`Unknown notifications command "${sub}": use "notifications" or "notifications retry ID|--dead".`);
  const retryTarget = sub === 'retry' ? positionals[2] : undefined;
  if (sub === 'retry' && !retryTarget === !values.dead) throw new UsageError('notifications retry takes one notification id, or --dead for every dead one.');
  const identityFile = (command === 'show' && !values.raw) || command === 'feedback' ? required(values, 'identity') : values.identity;
  // Check every argument before touching the queue, so a typo never half-does anything.
  const id = ['list', 'overdue', 'purge', 'verify', 'report', 'feedback', 'notifications'].includes(command) ? '' : caseId(positionals);
  const actor = ['claim', 'done', 'close', 'share'].includes(command) ? required(values, 'by') : values.by?.trim() || userInfo().username;
  const reasonText = command === 'share' ? required(values, 'reason') : '';
  const noteText = command === 'done' ? values.note?.trim() : undefined;
  // Staff text (notes, reasons) may name people: it is sealed to the same recipients as requests,
  // checked here, so a note is never sealed to no one (or to a typo) and nothing is half-done.
  const sealTo = command === 'share' || noteText ? await callbackRecipients(process.env, { create: false }) : [];
  const sealStaffText = (text: string) => seal(sealTo, text);

  const queue = await openQueue(process.env);
  try {
    switch (command) {
      case 'list': {
        const cases = await queue.list({ status });
        console.log(values.json ? JSON.stringify(cases.map(asJson), null, 2) : cases.map(row).join('\n') || 'No requests.');
        return 0;
      }
      case 'show': {
        const found = await resolve(queue, id);
        if (values.raw) {
          await queue.recordView(found.id, actor);
          process.stdout.write(armored(found.sealed));
          return 0;
        }
        const identity = identityFrom(readFileSync(identityFile!, 'utf8'));
        const request = JSON.parse(await unseal(identity, found.sealed)) as unknown;
        const trail = await Promise.all(
          (await queue.audit(found.id)).map(async (e) => ({
            at: e.at.toISOString(),
            actor: e.actor,
            action: e.action,
            detail: e.sealedDetail ? await unseal(identity, e.sealedDetail) : null,
          })),
        );
        await queue.recordView(found.id, actor);
        if (values.json) console.log(JSON.stringify({ ...asJson(found), sealed: undefined, request, audit: trail }, null, 2));
        else {
          console.log(row(found));
          console.log(JSON.stringify(request, null, 2));
          for (const e of trail) console.log(`${e.at}  ${e.actor}  ${e.action}${e.detail ? `: ${e.detail}` : ''}`);
        }
        return 0;
      }
      case 'claim': {
        const found = await resolve(queue, id);
        await queue.claim(found.id, actor);
        console.log(`${found.reference} claimed.`);
        return 0;
      }
      case 'done': {
        const found = await resolve(queue, id);
        const note = noteText ? await sealStaffText(noteText) : undefined;
        await queue.recordOutcome(found.id, outcome as 'contacted' | 'could-not-contact', actor, note);
        console.log(`${found.reference}: ${outcome}.`);
        return 0;
      }
      case 'close': {
        const found = await resolve(queue, id);
        await queue.closeCase(found.id, actor);
        console.log(`${found.reference} closed.`);
        return 0;
      }
      case 'share': {
        const found = await resolve(queue, id);
        const reason = await sealStaffText(reasonText);
        await queue.recordShareDecision(found.id, values.decision === 'share', actor, reason);
        console.log(`${found.reference}: decision recorded.`);
        return 0;
      }
      case 'overdue': {
        const late = await queue.overdue(new Date());
        console.log(values.json ? JSON.stringify(late.map(asJson), null, 2) : late.map(row).join('\n') || 'Nothing is overdue.');
        return late.length > 0 ? 1 : 0;
      }
      case 'verify': {
        const rows = await queue.chainedAudit();
        const broken = brokenChains(rows);
        const cases = new Set(rows.map((r) => r.caseId)).size;
        if (broken.length === 0) {
          console.log(`The audit trails of all ${cases} request(s) are intact.`);
          return 0;
        }
        for (const b of broken) console.error(`${b.reference} (${b.caseId}): its audit trail was changed at entry ${b.entry}.`);
        console.error(`${broken.length} of ${cases} request(s) have an audit trail that is not as it was written.`);
        return 1;
      }
      case 'report': {
        const figures = monthlyFigures(
          await queue.reportRows(month!.from, month!.to),
          month!,
          organisation().bankHolidayRegion,
          new Date(),
          await queue.feedbackCounts(month!.firstDay, month!.lastDay),
        );
        const output = values.json ? reportJson(figures) : values.csv ? reportCsv(figures) : reportText(figures);
        process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
        return 0;
      }
      case 'feedback': {
        const identity = identityFrom(readFileSync(identityFile!, 'utf8'));
        const opened = await Promise.all(
          (await queue.sealedFeedback(month!.firstDay, month!.lastDay)).map(async (f): Promise<OpenedFeedback> => {
            const plaintext = await unseal(identity, f.sealed).catch((error: unknown) => {
              throw new Error(`${identityFile} cannot open the feedback of ${f.receivedOn} (${(error as Error).message}): use the case team's key it was sealed to.`);
            });
            const { answers } = JSON.parse(plaintext) as { answers: FeedbackAnswers };
            return { receivedOn: f.receivedOn, ...answers };
          }),
        );
        console.log(values.json ? JSON.stringify(opened, null, 2) : opened.map(feedbackRow).join('\n\n') || `No feedback was received in ${month!.label}.`);
        return 0;
      }
      case 'notifications': {
        if (sub === 'retry') {
          const count = await queue.retryNotifications(retryTarget ? { id: retryTarget } : { dead: true }, new Date());
          if (retryTarget && count === 0) {
            console.error(`No waiting or dead notification ${retryTarget} that is free to retry (it may be being sent right now, or already delivered).`);
            return 1;
          }
          console.log(`${count} notification(s) will be sent again now.`);
          return 0;
        }
        const waiting = await queue.listNotifications(['pending', 'dead']);
        console.log(
          values.json
            ? JSON.stringify(waiting.map((n) => ({ ...n, runAt: n.runAt.toISOString() })), null, 2)
            : waiting.map(notificationRow).join('\n') || 'No notifications waiting or dead.',
        );
        return waiting.some((n) => n.state === 'dead') ? 1 : 0;
      }
      case 'purge': {
        const cutoff = new Date(Date.now() - olderThanDays * 24 * 3_600_000);
        const removed = await queue.purge(cutoff);
        // Feedback is kept by day only: what came before the cutoff's day is surely older than that.
        const removedFeedback = await queue.purgeFeedback(isoDate(londonDate(cutoff)));
        console.log(`Deleted ${removed} request(s) closed more than ${olderThanDays} days ago.`);
        console.log(`Deleted ${removedFeedback} feedback answer(s) received more than ${olderThanDays} days ago (their plain counts stay for the report).`);
        return 0;
      }
    }
    return 2;
  } finally {
    await queue.shutdown();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof StaffUsageError) {
    console.error(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
