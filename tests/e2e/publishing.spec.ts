/**
 * Publishing end to end, as a communications officer would: on a copy of the site (the editor writes
 * files), a publisher signs in with a passkey (Chromium's virtual authenticator), writes a campaign
 * in the editor (Keystatic), translates it into Polish and Urdu, publishes, and residents see both at
 * 360 px. A publish whose check fails leaves the live site as it was and says why. A case team member
 * cannot open the editor; a publisher cannot open a request. Screenshots for the staff guide.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queueCli } from './callback-queue.ts';
import { startServer, type RunningServer } from './server-process.ts';

// Two full builds of the site on a shared two-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'one journey through the staff listener; the public pages are checked at 360 px inside it'));
test.describe.configure({ timeout: 600_000 });

const publicPort = 4441;
const staffPort = 4442;
const staffOrigin = `http://localhost:${staffPort}`;
const publicOrigin = `http://127.0.0.1:${publicPort}`;
const root = new URL('../..', import.meta.url).pathname;
const shots = join(root, 'src/content/screenshots');

/** A copy of the site to publish from: the editor writes its files, so never into the repository. */
function siteCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'publish-site-'));
  for (const path of ['src', 'locales', 'public', 'dist', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(root, path), join(copy, path), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

let server: RunningServer;
let site: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = siteCopy();
  server = await startServer(publicPort, { STAFF_PORT: String(staffPort), STAFF_URL: staffOrigin }, undefined, site);
});
test.afterAll(async () => server?.stop());

async function addAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

/** Enrols a new member with `role` in a fresh page; returns the page, signed in. */
async function signedIn(browser: import('@playwright/test').Browser, name: string, role: string, home: string): Promise<Page> {
  const added = queueCli(['staff', 'add', '--name', name, '--role', role], server.dataDir, { STAFF_URL: staffOrigin });
  expect(added.status, added.stderr).toBe(0);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await addAuthenticator(page);
  await page.goto(/http:\/\/\S+/.exec(added.stdout)![0]);
  await page.getByRole('button', { name: 'Register a passkey on this device' }).click();
  await expect(page).toHaveURL(`${staffOrigin}${home}`);
  return page;
}

test('a publisher writes a campaign, translates it into Polish and Urdu and publishes it; a failing check changes nothing', async ({ browser }) => {
  const page = await signedIn(browser, 'Pat Publisher', 'publisher', '/staff/home/');
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.getByRole('link', { name: 'Edit pages, campaigns and services' }).click();
  await page.getByRole('link', { name: 'Campaigns (English)' }).first().click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: join(shots, 'explore1.png') });
  await page.getByRole('link', { name: /Add|Create/ }).first().click();
  await page.waitForTimeout(3000);
  await page.screenshot({ path: join(shots, 'explore2.png'), fullPage: true });
  console.log(await page.accessibility?.snapshot?.().then((x) => JSON.stringify(x)).catch(() => ''));
  console.log(await page.locator('main, body').first().ariaSnapshot());
  console.log('ERRORS', errors.join('\n'));
});
