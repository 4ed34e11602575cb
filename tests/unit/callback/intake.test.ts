/**
 * The intake handler end to end in one process: real schema, real age sealing, a real SQLite queue
 * in a temporary folder. Every status code the endpoint can answer, in the order the checks run.
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIntake, maxBodyBytes, type IntakeDependencies } from '../../../src/callback/intake.ts';
import { fromWebRequest } from '../../../src/callback/web-request.ts';
import { callbackSchema } from '../../../src/callback/schema.ts';
import { offeredWindows } from '../../../src/callback/slots.ts';
import { newIdentity, unseal } from '../../../src/callback/seal.ts';
import { openSqliteQueue } from '../../../src/queue/sqlite.ts';
import type { CaseQueue } from '../../../src/queue/types.ts';
import { offeredSafeTimes, unofferedSafeTimes, validRequest } from '../../fixtures/callback-requests.ts';
import { organisation } from '../../../src/content/organisation.ts';
import { dueBy } from '../../../src/callback/working-days.ts';

const { identity, recipient } = await newIdentity();
const queues: CaseQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.shutdown()));
  vi.restoreAllMocks();
});

function setup(overrides: Partial<IntakeDependencies> = {}) {
  const queue = openSqliteQueue(join(mkdtempSync(join(tmpdir(), 'intake-')), 'queue.db'));
  queues.push(queue);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const intake = createIntake({
    openQueue: async () => queue,
    recipients: async () => [recipient],
    firstContactWorkingDays: 1,
    region: 'england-and-wales',
    callbackHours: organisation.callbackHours,
    rateLimit: { perClient: 3, windowMs: 60_000 },
    ...overrides,
  });
  return { queue, intake };
}

const origin = 'http://site.test';
function post(body: string | Record<string, unknown>, headers: Record<string, string> = {}, method = 'POST') {
  const json = typeof body !== 'string';
  return new Request(`${origin}/api/callback`, {
    method,
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded', origin, ...headers },
    body: method === 'GET' ? undefined : json ? JSON.stringify(body) : body,
  });
}
/**
 * A record as a browser would post it: a list as repeated fields, anything else as its text. A
 * form can only send strings, so an object is sent as its JSON; String(v) would throw on an object
 * whose toString is not a function (fast-check makes such objects).
 */
function formEncoded(record: Record<string, unknown>): string {
  const form = new URLSearchParams();
  const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, asText(item));
  }
  return form.toString();
}
const call = (intake: ReturnType<typeof createIntake>, request: Request, clientAddress = '192.0.2.1') =>
  intake.handle({ ...fromWebRequest(request), clientAddress, lang: 'en', route: '/api/callback' });

/** A window value's start and end as instants, from the offer itself. */
const offeredAt = (value: string) => [...offeredWindows(new Date(), organisation.callbackHours, organisation.bankHolidayRegion).values()].find((w) => w.value === value)!;
const safeTimeStart = (value: string) => offeredAt(value).start.getTime();
const safeTimeEnd = (value: string) => offeredAt(value).end.getTime();

describe('the callback intake', () => {
  it('201: seals and stores a JSON request; the sealed blob opens to what was sent', async () => {
    const { intake, queue } = setup();
    const outcome = await call(intake, post(validRequest({ askFor: 'Robin' })));
    expect(outcome.status).toBe(201);
    const reference = (outcome as { reference: string }).reference;
    expect(reference).toMatch(/^CB-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    const stored = (await queue.get(reference))!;
    const opened = JSON.parse(await unseal(identity, stored.sealed));
    expect(opened.request).toMatchObject({ phone: '+447700900123', askFor: 'Robin' });
    expect(opened.request).not.toHaveProperty('submissionToken');
  });

  it('201: takes the plain form, checkbox groups and all, with Origin: null from a no-referrer page', async () => {
    const { intake, queue } = setup();
    const [first, second] = offeredSafeTimes().slice(-2);
    const form = `phone=07700+900123&method=text&safeTime=${encodeURIComponent(first!)}&safeTime=${encodeURIComponent(second!)}&voicemail=yes&sayWhoWeAre=no&consent=yes&topics=moving&submissionToken=abcdefghijklmnopqrst`;
    const outcome = await call(intake, post(form, { origin: 'null', 'sec-fetch-site': 'same-origin' }));
    expect(outcome.status).toBe(201);
    const stored = (await queue.get((outcome as { reference: string }).reference))!;
    const opened = JSON.parse(await unseal(identity, stored.sealed));
    expect(opened.request.safeTime).toHaveLength(2);
    expect(opened.request.topics).toEqual(['moving']);
  });

  it('stores unsealed only which access needs were asked for; what was typed about them stays sealed', async () => {
    const { intake, queue } = setup();
    const asked = await call(intake, post(validRequest({ interpreter: 'yes', interpreterGender: 'female', language: 'Tigrinya', access: ['easy-read', 'bsl'] })));
    const none = await call(intake, post(validRequest()));
    const rows = await queue.reportRows(new Date(0), new Date('2100-01-01T00:00:00Z'));
    const flags = Object.fromEntries(rows.map((r) => [r.reference, r.accessNeeds]));
    expect(flags).toEqual({ [(asked as { reference: string }).reference]: ['interpreter', 'bsl', 'easy-read'], [(none as { reference: string }).reference]: [] });
    expect(JSON.stringify(rows)).not.toMatch(/Tigrinya|female/);
    const opened = JSON.parse(await unseal(identity, (await queue.get((asked as { reference: string }).reference))!.sealed));
    expect(opened.request).toMatchObject({ language: 'Tigrinya', interpreterGender: 'female', access: ['easy-read', 'bsl'] });
  });

  it('201 again, same reference, nothing new stored: the submission token makes a resubmission harmless', async () => {
    const { intake, queue } = setup();
    const body = validRequest();
    const first = await call(intake, post(body));
    const again = await call(intake, post(body));
    expect(again).toEqual(first);
    expect(await queue.list()).toHaveLength(1);
  });

  it('405 for anything but POST', async () => {
    const { intake } = setup();
    expect((await call(intake, post({}, {}, 'GET'))).status).toBe(405);
    expect((await call(intake, post(validRequest(), {}, 'PUT'))).status).toBe(405);
  });

  it('403 for a cross-site origin, form and JSON alike', async () => {
    const { intake, queue } = setup();
    expect((await call(intake, post(validRequest(), { origin: 'https://elsewhere.example' }))).status).toBe(403);
    expect((await call(intake, post('phone=07700900123', { origin: 'https://elsewhere.example' }))).status).toBe(403);
    expect((await call(intake, post(validRequest(), { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await call(intake, post(validRequest(), { 'sec-fetch-site': 'same-site', origin: 'null' }))).status).toBe(403);
    expect(await queue.list()).toHaveLength(0);
  });

  it('415 for any other content type', async () => {
    const { intake } = setup();
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', '']) {
      expect((await call(intake, post(JSON.stringify(validRequest()), { 'content-type': type }))).status).toBe(415);
    }
  });

  it('413 for a body over 16 KiB, whether or not Content-Length says so', async () => {
    const { intake } = setup();
    const big = JSON.stringify(validRequest({ message: 'x'.repeat(maxBodyBytes) }));
    expect((await call(intake, post(big, { 'content-type': 'application/json' }))).status).toBe(413);
    const streamed = new Request(`${origin}/api/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.headers.get('content-length')).toBeNull();
    expect((await call(intake, streamed)).status).toBe(413);
  });

  it('429 with a retry time once a client passes its limit; other clients go on', async () => {
    const { intake } = setup();
    for (let i = 0; i < 3; i += 1) expect((await call(intake, post(validRequest()))).status).toBe(201);
    const limited = await call(intake, post(validRequest()));
    expect(limited.status).toBe(429);
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((await call(intake, post(validRequest()), '192.0.2.2')).status).toBe(201);
  });

  it('invalid requests spend no budget: a flood of them, from this client or 32 others, never blocks a valid one', async () => {
    const { intake } = setup();
    for (let i = 0; i < 50; i += 1) {
      expect((await call(intake, post(validRequest({ phone: 'junk' })), `198.51.100.${i % 32}`)).status).toBe(400);
      expect((await call(intake, post(validRequest({ consent: 'no' })))).status).toBe(400);
    }
    for (let i = 0; i < 3; i += 1) expect((await call(intake, post(validRequest()))).status).toBe(201);
    expect((await call(intake, post(validRequest()))).status).toBe(429);
  });

  it('no shared budget: many clients each at their limit lock nobody else out', async () => {
    const { intake } = setup({ rateLimit: { perClient: 2, windowMs: 60_000 } });
    for (let client = 0; client < 40; client += 1) {
      for (let i = 0; i < 3; i += 1) await call(intake, post(validRequest()), `198.51.100.${client}`);
    }
    expect((await call(intake, post(validRequest()), '192.0.2.77')).status).toBe(201);
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as IPv4', async () => {
    const { intake } = setup({ rateLimit: { perClient: 2, windowMs: 60_000 } });
    expect((await call(intake, post(validRequest()), '2001:db8:1:2::1')).status).toBe(201);
    expect((await call(intake, post(validRequest()), '2001:db8:1:2:ffff:ffff:ffff:fffe')).status).toBe(201);
    expect((await call(intake, post(validRequest()), '2001:0db8:0001:0002:0:0:0:9')).status).toBe(429);
    expect((await call(intake, post(validRequest()), '2001:db8:1:3::1')).status).toBe(201);
    expect((await call(intake, post(validRequest()), '192.0.2.9')).status).toBe(201);
    expect((await call(intake, post(validRequest()), '::ffff:192.0.2.9')).status).toBe(201);
    expect((await call(intake, post(validRequest()), '192.0.2.9')).status).toBe(429);
  });

  it('409 for the same token with different details: nothing new stored, the form comes back without the token', async () => {
    const { intake, queue } = setup({ rateLimit: null });
    const first = validRequest({ askFor: 'Robin' });
    const created = await call(intake, post(first));
    expect(created.status).toBe(201);
    const edited = await call(intake, post({ ...first, phone: '07700 900456' }));
    expect(edited).toMatchObject({ status: 409, values: { phone: '07700 900456' } });
    expect((edited as { values: Record<string, unknown> }).values).not.toHaveProperty('submissionToken');
    expect(await queue.list()).toHaveLength(1);
    const stored = JSON.parse(await unseal(identity, (await queue.get((created as { reference: string }).reference))!.sealed));
    expect(stored.request.phone).toBe('+447700900123');
    // The same details in another spelling are the same request.
    expect(await call(intake, post({ ...first, phone: '+44 7700 900123' }))).toEqual(created);
    // The correction under a fresh token is stored.
    expect((await call(intake, post({ ...first, phone: '07700 900456', submissionToken: 'a-fresh-token-0123456789' }))).status).toBe(201);
    expect(await queue.list()).toHaveLength(2);
  });

  it('400 for a single-value field sent twice, rather than a guess at which was meant', async () => {
    const { intake, queue } = setup();
    const form = `phone=07700+900123&method=call&safeTime=${encodeURIComponent(offeredSafeTimes().at(-1)!)}&voicemail=no&sayWhoWeAre=no&consent=yes&consent=no&submissionToken=abcdefghijklmnopqrst`;
    expect(await call(intake, post(form))).toMatchObject({ status: 400, errors: { consent: 'callbackForm.errorChoice' } });
    expect((await call(intake, post(form.replace('&consent=no', '&phone=07700+900456')))).status).toBe(400);
    expect(await queue.list()).toHaveLength(0);
    // Checkbox groups may repeat: that is how a form sends them.
    expect((await call(intake, post(form.replace('&consent=no', '&topics=moving&topics=money')))).status).toBe(201);
  });

  it('415 for a charset other than UTF-8, and for bytes that are not UTF-8, rather than mangling them', async () => {
    const { intake, queue } = setup();
    const form = `phone=07700+900123&method=call&safeTime=${encodeURIComponent(offeredSafeTimes().at(-1)!)}&voicemail=no&sayWhoWeAre=no&consent=yes&submissionToken=abcdefghijklmnopqrst`;
    for (const type of ['application/x-www-form-urlencoded; charset=iso-8859-1', 'application/x-www-form-urlencoded; charset=windows-1252', 'application/json; charset=utf-16']) {
      expect((await call(intake, post(form, { 'content-type': type }))).status, type).toBe(415);
    }
    expect((await call(intake, post(`${form}&askFor=Ren%E9`))).status).toBe(415);
    const latin1 = new Request(`${origin}/api/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: Buffer.from(JSON.stringify(validRequest({ askFor: 'Renée' })), 'latin1'),
    });
    expect((await call(intake, latin1)).status).toBe(415);
    expect(await queue.list()).toHaveLength(0);
    expect((await call(intake, post(`${form}&askFor=Ren%C3%A9e`, { 'content-type': 'application/x-www-form-urlencoded; charset="UTF-8"' }))).status).toBe(201);
    // A "%" that begins no escape is only a percent sign.
    expect((await call(intake, post(`${form.replace('abcdefghijklmnopqrst', 'another-token-0123456789')}&message=100%&askFor=Ren%C3%A9e`))).status).toBe(201);
  });

  it('400 with each failing field named by a message key, and nothing stored', async () => {
    const { intake, queue } = setup();
    const outcome = await call(intake, post(validRequest({ phone: '12345', consent: undefined })));
    expect(outcome).toMatchObject({ status: 400, errors: { phone: 'callbackForm.errorPhoneInvalid', consent: 'callbackForm.errorConsent' } });
    expect((await call(intake, post('{not json', { 'content-type': 'application/json' }))).status).toBe(400);
    expect(await queue.list()).toHaveLength(0);
  });

  it('400 for safe times it would not offer now: garbage, a Sunday night, years ahead; nothing stored', async () => {
    const { intake, queue } = setup();
    for (const value of [unofferedSafeTimes.garbage, unofferedSafeTimes.sundayNight, unofferedSafeTimes.tooFarAhead]) {
      const outcome = await call(intake, post(validRequest({ safeTime: [offeredSafeTimes()[0], value] })));
      expect(outcome, value).toMatchObject({ status: 400, errors: { safeTime: 'callbackForm.errorSafeTime' } });
    }
    expect(await queue.list()).toHaveLength(0);
  });

  it('400 "that time has passed" for a window a page offered before it passed, keeping everything typed', async () => {
    const { intake, queue } = setup();
    const body = validRequest({ askFor: 'Robin', message: 'after six', safeTime: [offeredSafeTimes().at(-1), unofferedSafeTimes.past] });
    const outcome = await call(intake, post(body));
    expect(outcome).toMatchObject({ status: 400, errors: { safeTime: 'callbackForm.errorSafeTimePassed' }, values: { askFor: 'Robin', message: 'after six' } });
    // The offer of a moment ago: its first window is now less than an hour away.
    const offeredBefore = offeredSafeTimes();
    const firstStart = safeTimeStart(offeredBefore[0]!);
    const { intake: later } = setup({ now: () => new Date(firstStart - 59 * 60_000) });
    const stale = await call(later, post(validRequest({ safeTime: offeredBefore.slice(0, 1) })));
    expect(stale).toMatchObject({ status: 400, errors: { safeTime: 'callbackForm.errorSafeTimePassed' } });
    expect(await queue.list()).toHaveLength(0);
  });

  it('stores 50 copies of one window once, and chosen windows earliest first', async () => {
    const { intake, queue } = setup();
    const offered = offeredSafeTimes();
    const outcome = await call(intake, post(validRequest({ safeTime: Array(50).fill(offered[1]) })));
    expect(outcome.status).toBe(201);
    const once = JSON.parse(await unseal(identity, (await queue.get((outcome as { reference: string }).reference))!.sealed));
    expect(once.request.safeTime).toEqual([offered[1]]);
    const reordered = await call(intake, post(validRequest({ safeTime: [offered[3], offered[0], offered[3]] })), '192.0.2.9');
    const sorted = JSON.parse(await unseal(identity, (await queue.get((reordered as { reference: string }).reference))!.sealed));
    expect(sorted.request.safeTime).toEqual([offered[0], offered[3]]);
  });

  it('due by the end of the last chosen window within the promise, or the first window when none is; stored and answered alike', async () => {
    const { intake, queue } = setup({ rateLimit: null });
    const now = new Date();
    const promised = dueBy(now, 1, 'england-and-wales').getTime();
    const offered = offeredSafeTimes(now);
    const within = offered.filter((v) => safeTimeEnd(v) <= promised);
    const after = offered.filter((v) => safeTimeEnd(v) > promised);
    const cases: [string[], string][] = [[after.slice(-2), after.at(-2)!]];
    if (within.length > 0) cases.push([[within[0]!, ...after.slice(-1)], within[0]!], [within, within.at(-1)!]);
    for (const [chosen, dueWindow] of cases) {
      const outcome = (await call(intake, post(validRequest({ safeTime: chosen })))) as { status: number; reference: string; dueBy: Date };
      expect(outcome.status).toBe(201);
      expect(outcome.dueBy.getTime(), chosen.join()).toBe(safeTimeEnd(dueWindow));
      expect((await queue.get(outcome.reference))!.dueBy.getTime()).toBe(outcome.dueBy.getTime());
    }
  });

  it('503, never a false success, when storage fails', async () => {
    const { intake } = setup({
      openQueue: async () => {
        throw new Error('disk full');
      },
    });
    const outcome = await call(intake, post(validRequest()));
    expect(outcome.status).toBe(503);
  });

  it('503 while the queue cannot be opened, then 201 once it can, without a restart', async () => {
    let databaseUp = false;
    const { queue } = setup();
    const { intake: recovering } = setup({
      openQueue: async () => {
        if (!databaseUp) throw new Error('connection refused');
        return queue;
      },
    });
    expect((await call(recovering, post(validRequest()))).status).toBe(503);
    databaseUp = true;
    expect((await call(recovering, post(validRequest()))).status).toBe(201);
    expect(await queue.list()).toHaveLength(1);
  });

  it('503 when sealing fails', async () => {
    const { intake, queue } = setup({ recipients: async () => ['not-a-recipient'] });
    expect((await call(intake, post(validRequest()))).status).toBe(503);
    expect(await queue.list()).toHaveLength(0);
  });

  it('logs only time, route, status, duration, reference and error class', async () => {
    const { intake } = setup();
    await call(intake, post(validRequest({ askFor: 'Canary Name' })));
    const lines = vi.mocked(process.stdout.write).mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toHaveLength(1);
    expect(Object.keys(lines[0]).sort()).toEqual(['durationMs', 'reference', 'route', 'status', 'time']);
  });

  it('property: any body at all gets 201, 400 or 415 (not UTF-8), never a 5xx, and only valid requests are stored', async () => {
    const { intake, queue } = setup({ rateLimit: null });
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
    const field = fc.constantFrom('phone', 'method', 'safeTime', 'voicemail', 'sayWhoWeAre', 'consent', 'message', 'topics', 'access', 'submissionToken', 'askFor', '__proto__', 'constructor');
    const body = fc.oneof(
      fc.dictionary(field, anyValue).map((d) => ({ ...validRequest(), ...d })),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('application/json', 'application/x-www-form-urlencoded'), async (b, type) => {
        const text = typeof b === 'string' ? b : type === 'application/json' ? JSON.stringify(b) : formEncoded(b);
        const outcome = await call(intake, post(text, { 'content-type': type }));
        expect(outcome.status).toBeLessThan(500);
        expect([201, 400, 415]).toContain(outcome.status);
      }),
      { numRuns: 150 },
    );
    for (const summary of await queue.list()) {
      const opened = JSON.parse(await unseal(identity, (await queue.get(summary.id))!.sealed));
      expect(callbackSchema.safeParse({ ...opened.request, submissionToken: 'a'.repeat(20) }).success).toBe(true);
    }
  }, 120_000);
});
