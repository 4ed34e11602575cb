/**
 * The case team's console end to end, on the staff listener of a real `npm start` process, with
 * Chromium's virtual authenticator (CDP WebAuthn, PRF on): enrol, sign in, unlock with the file and
 * with the passkey, open a request a survivor sent through the public form, claim it, record an
 * attempt with a note, close it; the CLI then opens the same note. Then the refusals: no session,
 * another role, a removed member, a used enrolment link, cross-site posts, the public listener.
 * Canary text from the request and the note must appear in no response body and no database file.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { staffApiRoutes, staffPages } from '../../src/staff/routes.ts';
import { queueCli } from './callback-queue.ts';
import { startServer, type RunningServer } from './server-process.ts';

// Passkey ceremonies, sealing and decryption all run in the browser: slow on a shared two-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });

test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'one staff listener, driven once; both widths are screenshotted'));
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const publicPort = 4431;
const staffPort = 4432;
const staffOrigin = `http://localhost:${staffPort}`;
const canary = { phone: '07700 900999', e164: '+447700900999', askFor: 'Robin Canarybird', message: 'Canary message 7QX after six', note: 'Canary note rang twice 9KD', handOver: 'CM-CANARY-4471', shareReason: 'Canary consent given on the call 3JW' };
const shots = join(new URL('../../test-results/staff-console', import.meta.url).pathname);

let server: RunningServer;
const cli = (args: string[]) => queueCli(args, server.dataDir, { STAFF_URL: staffOrigin });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer(publicPort, { STAFF_PORT: String(staffPort), STAFF_URL: staffOrigin });
});
test.afterAll(async () => server?.stop());

/** A virtual platform authenticator with user verification and PRF, as a phone or laptop passkey would be. */
async function addAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  });
}

/** Every response body the staff listener sends to this context, for the canary check. */
function recordBodies(context: BrowserContext): string[] {
  const bodies: string[] = [];
  context.on('response', async (response) => {
    if (!response.url().startsWith(staffOrigin)) return;
    bodies.push(await response.text().catch(() => ''));
  });
  return bodies;
}

/** axe with the WCAG 2.2 A and AA rules; violations named in the message. */
async function expectAxeClean(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

/** The one-time enrolment address `queue staff add` prints. */
function addStaff(name: string, role: string): string {
  const added = cli(['staff', 'add', '--name', name, '--role', role]);
  expect(added.status, added.stderr).toBe(0);
  return /http:\/\/\S+/.exec(added.stdout)![0];
}

/** A survivor asks for a callback through the public form, with JavaScript on; returns the reference. */
async function survivorSends(page: Page): Promise<string> {
  await page.goto(`http://127.0.0.1:${publicPort}/en/callback/`);
  await page.getByLabel('A safe phone number').fill(canary.phone);
  await page.getByRole('radio', { name: 'Call' }).check();
  await page.locator('input[name="safeTime"]').first().check();
  await page.getByRole('group', { name: /may we leave a voicemail/ }).getByRole('radio', { name: 'No' }).check();
  await page.getByRole('group', { name: 'May we say we are from' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('A name or code name to ask for (optional)').fill(canary.askFor);
  await page.getByLabel('Anything else we should know? (optional)').fill(canary.message);
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await page.getByRole('button', { name: 'Ask for a callback' }).click();
  const shown = page.locator('[data-callback-confirmation] [data-reference]');
  await expect(shown).toHaveText(/^CB-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { timeout: 30_000 });
  return (await shown.textContent())!;
}

let reference = '';

test('enrol, sign in, unlock with the file and the passkey, open, claim, attempt with a note, close; the CLI opens the note', async ({ browser }) => {
  const survivor = await browser.newPage();
  reference = await survivorSends(survivor);
  await survivor.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const bodies = recordBodies(context);
  const page = await context.newPage();
  await addAuthenticator(page);

  // Alex is on the team too (enrolled or not), so Sam can hand a case to Alex.
  addStaff('Alex Khan', 'case');
  // Enrol from the address the CLI printed: registering the passkey signs Sam in.
  await page.goto(addStaff('Sam Patel', 'case'));
  await expect(page).toHaveURL(`${staffOrigin}/staff/enrol/`); // the token leaves the address bar
  await expectAxeClean(page, 'enrolment page');
  await page.getByRole('button', { name: 'Register a passkey on this device' }).click();
  await expect(page).toHaveURL(`${staffOrigin}/staff/console/`);
  await expect(page.getByText('Signed in as Sam Patel')).toBeVisible();

  // Sign out, then sign in again with the passkey alone.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${staffOrigin}/staff/sign-in/`);
  await expectAxeClean(page, 'sign-in page');
  await page.getByRole('button', { name: 'Sign in with your passkey' }).click();
  await expect(page).toHaveURL(`${staffOrigin}/staff/console/`);

  // Locked: the queue shows the reference but no way to open it.
  await expect(page.getByRole('cell', { name: reference })).toBeVisible();
  await expect(page.getByRole('button', { name: `Open ${reference}` })).toHaveCount(0);

  // Unlock with the file, read in the browser.
  await page.getByLabel("The team's key file").setInputFiles(join(server.dataDir, 'identity.txt'));
  await page.getByRole('button', { name: 'Unlock with the file' }).click();
  await expect(page.getByRole('button', { name: `Open ${reference}` })).toBeVisible();

  // Wrap it to a passkey (PRF), lock, and unlock with the passkey.
  await page.getByRole('button', { name: 'Unlock with a passkey next time' }).click();
  await expect(page.getByText('Saved. Next time, unlock with your passkey.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: `Open ${reference}` })).toHaveCount(0);
  await page.getByRole('button', { name: 'Unlock with your passkey' }).click();
  await expect(page.getByRole('button', { name: `Open ${reference}` })).toBeVisible();
  await expectAxeClean(page, 'queue');
  await page.screenshot({ path: join(shots, 'queue-1280.png'), fullPage: true });

  // Open the request: laid out for the call.
  await page.getByRole('button', { name: `Open ${reference}` }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeFocused();
  await expect(page.getByRole('link', { name: '07700 900999' })).toHaveAttribute('href', `tel:${canary.e164}`);
  await expect(page.getByText(canary.askFor)).toBeVisible();
  await expect(page.getByText(canary.message)).toBeVisible();
  await expect(page.getByText('Do not leave a voicemail')).toBeVisible();
  await expect(page.getByText('You may say who you are')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Opened' })).toBeVisible();

  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByRole('cell', { name: 'Claimed' })).toBeVisible();
  // Let it go back to the team, then take it again.
  await page.getByRole('button', { name: 'Release' }).click();
  await expect(page.getByRole('cell', { name: 'Released' })).toBeVisible();
  await page.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByRole('button', { name: 'Release' })).toBeVisible();
  await page.getByRole('radio', { name: 'No answer' }).check();
  await page.getByLabel('Note (optional)').fill(canary.note);
  await page.getByRole('button', { name: 'Save the attempt' }).click();
  await expect(page.getByRole('cell', { name: 'Attempt: no answer' })).toBeVisible();
  await expect(page.getByRole('cell', { name: canary.note })).toBeVisible(); // opened in the browser
  await expectAxeClean(page, 'request');
  await page.screenshot({ path: join(shots, 'request-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(shots, 'request-360.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'First contact made' }).click();
  await expect(page.getByRole('button', { name: 'Close' })).toBeVisible();

  // Hand over and decide on sharing: each needs its words, and says so when they are missing.
  await page.getByRole('button', { name: 'Hand over' }).click();
  await expect(page.getByRole('alert')).toHaveText('Give the case management reference.');
  await page.getByLabel('Case management reference').fill(canary.handOver);
  await page.getByRole('button', { name: 'Hand over' }).click();
  await expect(page.getByRole('cell', { name: 'Handed over to case management' })).toBeVisible();
  await page.getByRole('button', { name: 'Save the decision' }).click();
  await expect(page.getByRole('alert')).toHaveText('Give the reason for the decision.');
  await page.getByRole('radio', { name: 'Share', exact: true }).check();
  await page.getByLabel('Reason').fill(canary.shareReason);
  await page.getByRole('button', { name: 'Save the decision' }).click();
  await expect(page.getByRole('cell', { name: 'Decided to share' })).toBeVisible();
  await expect(page.getByRole('cell', { name: canary.shareReason })).toBeVisible(); // opened in the browser

  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('cell', { name: 'Reopened' })).toBeVisible();
  // Reopened with Sam holding it; Sam gives it to Alex.
  await page.getByLabel('Give it to').selectOption('Alex Khan');
  await page.getByRole('button', { name: 'Reassign' }).click();
  await expect(page.getByRole('cell', { name: 'Reassigned' })).toBeVisible();

  await page.getByRole('button', { name: 'Back to the queue' }).click();
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole('button', { name: `Open ${reference}` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('Alex Khan');
  await page.screenshot({ path: join(shots, 'queue-360.png'), fullPage: true });

  // The CLI opens the same note with the identity file.
  const shown = cli(['show', reference, '--identity', join(server.dataDir, 'identity.txt'), '--json', '--by', 'e2e']);
  expect(shown.status, shown.stderr).toBe(0);
  const trail = (JSON.parse(shown.stdout) as { audit: { actor: string; action: string; detail: string | null }[] }).audit;
  expect(trail.map((e) => [e.actor, e.action])).toEqual([
    ['intake', 'created'],
    ['Sam Patel', 'viewed'],
    ['Sam Patel', 'claimed'],
    ['Sam Patel', 'released'],
    ['Sam Patel', 'claimed'],
    ['Sam Patel', 'attempt-no-answer'],
    ['Sam Patel', 'contacted'],
    ['Sam Patel', 'handed-over'],
    ['Sam Patel', 'shared'],
    ['Sam Patel', 'closed'],
    ['Sam Patel', 'reopened'],
    ['Sam Patel', 'reassigned'],
  ]);
  expect(trail.find((e) => e.action === 'attempt-no-answer')!.detail).toBe(canary.note);
  expect(trail.find((e) => e.action === 'handed-over')!.detail).toBe(canary.handOver);
  expect(trail.find((e) => e.action === 'shared')!.detail).toBe(canary.shareReason);

  // Nothing the survivor or Sam wrote crossed the wire from the server, or sits in the database.
  await context.close();
  const secrets = [canary.phone, canary.e164, canary.askFor, canary.message, canary.note, canary.handOver, canary.shareReason, canary.phone.replace(' ', '')];
  expect(bodies.length).toBeGreaterThan(10);
  for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
  const files = readdirSync(server.dataDir).filter((f) => f.startsWith('queue.db'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = readFileSync(join(server.dataDir, file)).toString('latin1');
    for (const secret of secrets) expect(bytes, `${file} holds "${secret}"`).not.toContain(secret);
  }
  // Sign-ins are audited without secrets.
  expect(cli(['staff', 'list']).stdout).toContain('Sam Patel');
});

/** The page addresses and API paths with their parameters filled in. */
const everyStaffPath = [
  ...staffPages.map((p) => ({ method: 'GET', path: p.path, access: p.access })),
  ...staffApiRoutes.map((r) => ({ method: r.method, path: r.path.replace(':id', '00000000-0000-0000-0000-000000000000').replace(':action', 'claim'), access: r.access })),
];

test('without a session every console page and API is refused; the public listener 404s every staff path', async () => {
  for (const { method, path, access } of everyStaffPath) {
    if (access === 'anyone') continue;
    const response = await fetch(`${staffOrigin}${path}`, {
      method,
      redirect: 'manual',
      headers: { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    if (path.startsWith('/staff/api/')) expect(response.status, `${method} ${path}`).toBe(401);
    else {
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toBe('/staff/sign-in/');
    }
  }
  for (const { method, path } of [...everyStaffPath, { method: 'GET', path: '/staff/' }, { method: 'GET', path: '/staff' }]) {
    const response = await fetch(`http://127.0.0.1:${publicPort}${path}`, { method, redirect: 'manual', headers: { 'Content-Type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(response.status, `public ${method} ${path}`).toBe(404);
    expect(response.headers.get('set-cookie')).toBeNull();
  }
  // The staff listener serves nothing of the public site.
  for (const path of ['/en/', '/en/callback/', '/api/callback', '/sitemap-index.xml', '/']) {
    const response = await fetch(`${staffOrigin}${path}`, { redirect: 'manual' });
    expect([303, 404], path).toContain(response.status);
    if (response.status === 303) expect(response.headers.get('location')).toBe('/staff/sign-in/');
  }
});

test('an enrolment link works once; a publisher never sees a request; a removed member is out at once; cross-site posts are refused', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await addAuthenticator(page);
  const link = addStaff('Pat Publisher', 'publisher');
  await page.goto(link);
  await page.getByRole('button', { name: 'Register a passkey on this device' }).click();
  await expect(page).toHaveURL(`${staffOrigin}/staff/home/`);

  // The same link again: refused, and nothing registered.
  await page.goto(link);
  await page.getByRole('button', { name: 'Register a passkey on this device' }).click();
  await expect(page.getByText('This link was used already or is more than 24 hours old. Ask for a new one.')).toBeVisible();

  // A publisher: no console, no request, not even the list.
  const asPat = (path: string) => page.request.get(`${staffOrigin}${path}`, { maxRedirects: 0 });
  expect((await asPat('/staff/console/')).status()).toBe(403);
  expect((await asPat('/staff/api/requests')).status()).toBe(403);
  expect((await asPat(`/staff/api/requests/${reference || 'x'}`)).status()).toBe(403);
  expect((await asPat('/staff/api/me')).status()).toBe(200);

  // Cross-site: a signed-in browser's cookie does not make a post from elsewhere count.
  const crossSite = await page.request.post(`${staffOrigin}/staff/api/sign-out`, { headers: { 'Sec-Fetch-Site': 'cross-site' }, data: {} });
  expect(crossSite.status()).toBe(403);
  const otherOrigin = await fetch(`${staffOrigin}/staff/api/sign-in/options`, { method: 'POST', headers: { Origin: 'https://elsewhere.example', 'Content-Type': 'application/json' }, body: '{}' });
  expect(otherOrigin.status).toBe(403);
  expect((await asPat('/staff/api/me')).status()).toBe(200);

  // Removed: the very next request is refused.
  expect(cli(['staff', 'remove', 'Pat Publisher']).status).toBe(0);
  expect((await asPat('/staff/api/me')).status()).toBe(401);
  expect((await asPat('/staff/home/')).status()).toBe(303);
  await context.close();
});
