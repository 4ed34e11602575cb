/**
 * Publishing end to end, as a communications officer would: on a copy of the site (the editor writes
 * files), a publisher signs in with a passkey (Chromium's virtual authenticator), writes a campaign
 * in the editor (Keystatic), translates it into Polish and Urdu, publishes, and residents see both at
 * 360 px. A publish whose check fails leaves the live site as it was and says why. A case team member
 * cannot open the editor; a publisher cannot open a request. Screenshots for the staff guide.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queueCli } from './callback-queue.ts';
import { startServer, type RunningServer } from './server-process.ts';

// Two full builds of the site on a shared two-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'one journey through the staff listener; the public pages are checked at 360 px inside it'));
test.describe.configure({ mode: 'serial', timeout: 600_000 });
test.use({ actionTimeout: 15_000 });

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

test.beforeAll(async ({}, testInfo) => {
  // The phone project skips every test here: no copy and no server for it.
  if (testInfo.project.name !== 'desktop') return;
  test.setTimeout(120_000);
  site = siteCopy();
  server = await startServer(publicPort, { STAFF_PORT: String(staffPort), STAFF_URL: staffOrigin }, undefined, site);
});
test.afterAll(async () => {
  await server?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

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

/** Opens the publish page and picks the English campaign. */
async function openPublishPage(page: Page): Promise<void> {
  await page.goto(`${staffOrigin}/staff/publish/`);
  await page.getByLabel('English page or campaign').selectOption({ label: 'Campaign: Winter safety week' });
}

/**
 * Writes a translation over the English the new file starts with, in the editor's frame beside the
 * English, and saves it; `screenshot` names a picture of the view for the staff guide.
 */
async function writeTranslation(page: Page, language: string, words: { title: string; summary: string; body: string }, screenshot?: string): Promise<void> {
  await openPublishPage(page);
  await page.getByRole('button', { name: `Translate into ${language}` }).click();
  await expect(page.getByRole('status').getByText(/^Created src\/content\/campaigns\/\w+\/winter-safety-week\.md/)).toBeVisible();
  await page.getByRole('status').getByRole('link', { name: `Translate the ${language} page, with the English beside it` }).click();

  // The English, read-only and marked as English, beside the editor for the translation.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Translate into ${language}: Winter safety week`);
  const english = page.getByRole('region', { name: 'English' });
  await expect(english).toHaveAttribute('lang', 'en');
  await expect(english).toContainText('All winter, you can ask us for help.');
  await expect(english.getByText(englishBody)).toBeVisible();
  const yours = page.getByRole('region', { name: `${language} (your translation)` });
  const editor = yours.frameLocator(`iframe[title="Editor for the ${language} page"]`);

  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Winter safety week');
  await editor.getByLabel('Title', { exact: true }).fill(words.title);
  await editor.getByLabel('Summary').fill(words.summary);
  await editor.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(words.body);
  // Side by side at desktop width: the English column is to the left of the editor.
  const [left, right] = [await english.boundingBox(), await yours.boundingBox()];
  expect(left!.x + left!.width, 'English beside the editor').toBeLessThanOrEqual(right!.x);
  if (screenshot) {
    // The page scrolled to the editor's text box; the picture starts at the top of the view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, screenshot) });
  }
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
}

const polish = { title: 'Tydzień bezpieczeństwa zimą', summary: 'Przez całą zimę możesz poprosić nas o pomoc.', body: 'Pomoc jest dostępna przez całą zimę. W nagłym wypadku zadzwoń pod 999.' };
const urdu = { title: 'سردیوں میں حفاظت کا ہفتہ', summary: 'پوری سردیوں میں آپ ہم سے مدد مانگ سکتے ہیں۔', body: 'پوری سردیوں میں مدد دستیاب ہے۔ ایمرجنسی میں 999 پر کال کریں۔' };
const englishBody = 'Help is here all winter. In an emergency, call 999.';

test('a publisher writes a campaign, translates it into Polish and Urdu and publishes it; a failing check changes nothing', async ({ browser }) => {
  const page = await signedIn(browser, 'Pat Publisher', 'publisher', '/staff/home/');

  // Write the campaign in English, in the editor.
  await page.getByRole('link', { name: 'Edit pages, campaigns and services' }).click();
  await page.getByRole('link', { name: 'Campaigns (English)' }).first().click();
  await page.getByText('Add', { exact: true }).click();
  await page.getByLabel('Title', { exact: true }).fill('Winter safety week');
  await expect(page.getByLabel('File name')).toHaveValue('winter-safety-week');
  await page.getByLabel('Summary').fill('All winter, you can ask us for help.');
  await page.getByLabel('First day').fill('2026-12-01');
  await page.getByLabel('Last day').fill('2027-01-31');
  await page.getByLabel('Last reviewed').fill('2026-12-01');
  await page.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.type(englishBody);
  await page.screenshot({ path: join(shots, 'editor-new-campaign.png') });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/keystatic\/collection\/campaigns_en\/item\/winter-safety-week$/);
  const english = readFileSync(join(site, 'src/content/campaigns/en/winter-safety-week.md'), 'utf8');
  expect(english).toMatch(/^---\ntitle: Winter safety week\n/);
  expect(english).toContain('start: 2026-12-01');
  expect(english).toContain(englishBody);

  // Polish: "Translate into…" makes the file with its record; the translator writes over the English.
  await writeTranslation(page, 'Polish', polish, 'translate-beside.png');
  const { violations: viewViolations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).exclude('iframe').analyze();
  expect(viewViolations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'translating view').toEqual([]);
  // On a narrow screen the English comes first, above the editor.
  await page.setViewportSize({ width: 360, height: 800 });
  const [above, below] = [await page.getByRole('region', { name: 'English' }).boundingBox(), await page.getByRole('region', { name: 'Polish (your translation)' }).boundingBox()];
  expect(above!.y + above!.height, 'English above the editor at 360 px').toBeLessThanOrEqual(below!.y);
  await page.setViewportSize({ width: 1280, height: 900 });
  const polishFile = join(site, 'src/content/campaigns/pl/winter-safety-week.md');
  await expect.poll(() => readFileSync(polishFile, 'utf8')).toContain(polish.body);
  const polishText = readFileSync(polishFile, 'utf8');
  expect(polishText).toMatch(/^---\ntitle: Tydzień bezpieczeństwa zimą\n/);
  expect(polishText).toMatch(/\ntranslation:\n  of: winter-safety-week\n  sourceHash: [0-9a-f]{64}\n  machineDrafted: true\n---\n/);

  // Urdu, first with the English text left in: publishing refuses, says why, and changes nothing.
  await writeTranslation(page, 'Urdu', { ...urdu, body: englishBody });
  await openPublishPage(page);
  await page.screenshot({ path: join(shots, 'publish-translations.png'), fullPage: true });
  await page.getByRole('button', { name: 'Publish' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Not published. Fix these first:', { timeout: 120_000 });
  await expect(problems).toContainText('src/content/campaigns/ur/winter-safety-week.md');
  await expect(problems).toContainText('English left in a ur page');
  await page.screenshot({ path: join(shots, 'publish-refused.png'), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'publish page').toEqual([]);
  for (const lang of ['en', 'pl', 'ur']) {
    expect((await fetch(`${publicOrigin}/${lang}/campaigns/winter-safety-week/`)).status, `${lang} before publishing`).toBe(404);
  }

  // Urdu written properly: the preview shows the page as residents will see it, on the staff side only.
  await page.goto(`${staffOrigin}/keystatic/collection/campaigns_ur/item/winter-safety-week`);
  await page.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(urdu.body);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await openPublishPage(page);
  await page.getByRole('button', { name: 'Build a preview' }).click();
  await expect(page.getByText('Every check passed.')).toBeVisible({ timeout: 240_000 });
  await page.getByRole('link', { name: 'src/content/campaigns/ur/winter-safety-week.md' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(urdu.title);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect((await fetch(`${publicOrigin}/ur/campaigns/winter-safety-week/`)).status, 'not live while previewed').toBe(404);
  expect((await fetch(`${publicOrigin}${new URL(page.url()).pathname}`)).status, 'no preview on the public listener').toBe(404);

  // Publish: the previewed build goes live (no second build), with an audit row.
  await openPublishPage(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Published. The website now shows what you saved.')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByText('src/content/campaigns/ur/winter-safety-week.md')).toBeVisible();
  await expect(page.getByText(/Pat Publisher published 3 changed file\(s\)/)).toBeVisible();
  await page.screenshot({ path: join(shots, 'publish-done.png'), fullPage: true });

  // Residents see both, at 360 px, in their language.
  const resident = await browser.newPage({ viewport: { width: 360, height: 800 } });
  for (const [lang, words] of [['pl', polish], ['ur', urdu]] as const) {
    await resident.goto(`${publicOrigin}/${lang}/campaigns/winter-safety-week/`);
    await expect(resident.getByRole('heading', { level: 1 })).toHaveText(words.title);
    await expect(resident.getByText(words.body)).toBeVisible();
    await expect(resident.locator('html')).toHaveAttribute('lang', lang);
    await resident.screenshot({ path: join(shots, `published-${lang}-360.png`), fullPage: true });
  }
  await resident.close();

  // The English changes: the Polish translation is outdated, shows what changed, and is marked reviewed.
  await page.goto(`${staffOrigin}/keystatic/collection/campaigns_en/item/winter-safety-week`);
  await page.getByRole('textbox', { name: 'Page text' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Our phone lines are open on bank holidays.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await openPublishPage(page);
  const polishRow = page.getByRole('row', { name: /^Polish/ });
  await expect(polishRow).toContainText('The English has changed since');
  await polishRow.getByRole('button', { name: 'Show what changed in the English since the Polish translation' }).click();
  await expect(page.locator('.changes ins')).toContainText('Our phone lines are open on bank holidays.');
  await expect(page.locator('.changes del')).toContainText(englishBody);
  await page.screenshot({ path: join(shots, 'translation-changes.png'), fullPage: true });
  await polishRow.getByRole('button', { name: 'Mark the Polish page reviewed' }).click();
  await expect(polishRow).toContainText(/Reviewed by Pat Publisher on \d{4}-\d{2}-\d{2}/);
  await expect.poll(() => readFileSync(polishFile, 'utf8')).toMatch(/machineDrafted: false\n  reviewedBy: Pat Publisher\n  reviewedOn: \d{4}-\d{2}-\d{2}\n---/);
});

test('a case team member cannot open the editor; a publisher cannot open a request; the public listener has no editor', async ({ browser }) => {
  const caseWorker = await signedIn(browser, 'Sam Case', 'case', '/staff/console/');
  const asSam = (method: 'GET' | 'POST', path: string) =>
    caseWorker.request.fetch(`${staffOrigin}${path}`, { method, maxRedirects: 0, headers: { 'Sec-Fetch-Site': 'same-origin', 'no-cors': '1' }, ...(method === 'POST' ? { data: {} } : {}) });
  for (const [method, path] of [['GET', '/keystatic/'], ['GET', '/keystatic/collection/campaigns_en'], ['GET', '/api/keystatic/tree'], ['POST', '/api/keystatic/update'], ['GET', '/staff/publish/'], ['GET', '/staff/translate/?collection=campaigns&lang=pl&slug=winter-safety-week'], ['POST', '/staff/api/publishing/publish'], ['POST', '/staff/api/translations/start']] as const) {
    expect((await asSam(method, path)).status(), `case team ${method} ${path}`).toBe(403);
  }
  const publisher = await signedIn(browser, 'Pat Second', 'publisher', '/staff/home/');
  for (const path of ['/staff/console/', '/staff/api/requests']) {
    expect((await publisher.request.get(`${staffOrigin}${path}`, { maxRedirects: 0 })).status(), `publisher ${path}`).toBe(403);
  }
  // Only the editor's page may be framed, and only by the staff listener's own pages.
  const framing = async (path: string) => (await publisher.request.get(`${staffOrigin}${path}`)).headers();
  expect((await framing('/keystatic/'))['content-security-policy']).toContain("frame-ancestors 'self'");
  expect((await framing('/keystatic/'))['x-frame-options']).toBe('SAMEORIGIN');
  for (const path of ['/staff/publish/', '/staff/translate/?collection=campaigns&lang=pl&slug=winter-safety-week']) {
    expect((await framing(path))['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect((await framing(path))['x-frame-options'], path).toBe('DENY');
  }
  expect((await fetch(`${publicOrigin}/en/`)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  // From another site, even a publisher's browser cannot read or write through the editor's API.
  expect((await publisher.request.get(`${staffOrigin}/api/keystatic/tree`, { headers: { 'Sec-Fetch-Site': 'cross-site', 'no-cors': '1' } })).status()).toBe(403);
  for (const path of ['/keystatic/', '/api/keystatic/tree', '/staff/publish/', '/staff/translate/', '/staff/preview/build-1/en/']) {
    expect((await fetch(`${publicOrigin}${path}`)).status, `public ${path}`).toBe(404);
  }
});
