/**
 * The survivors' feedback survey, one journey with JavaScript off (English) and one with it on
 * (Polish): nothing identifying asked for, bad input kept with a clear message in the page's
 * language, the thank-you only once the queue has the answers, which are sealed (the comment
 * opens only with the case team's key) and counted. axe on the form, its error state and the thank-you.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { isoDate, londonDate } from '../../src/callback/london-time.ts';
import { identityFrom, unseal } from '../../src/callback/seal.ts';

// A round trip, sealing and axe three times on two shared cores.
test.describe.configure({ timeout: 90_000 });
test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'desktop', 'one column at every width: one journey each, once'));

const strings = (code: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));
const en = strings('en');
const pl = strings('pl');

async function expectNoAxeViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${state} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Every stored feedback, opened with the development identity, as the case team would open it. */
async function storedFeedback(): Promise<{ receivedOn: string; answers: Record<string, string> }[]> {
  const dataDir = process.env.TEST_DATA_DIR!;
  const identity = identityFrom(readFileSync(join(dataDir, 'identity.txt'), 'utf8'));
  const db = new DatabaseSync(join(dataDir, 'queue.db'), { readOnly: true });
  try {
    const rows = db.prepare('SELECT sealed FROM feedback').all() as { sealed: Uint8Array }[];
    return Promise.all(rows.map(async (r) => JSON.parse(await unseal(identity, new Uint8Array(r.sealed)))));
  } finally {
    db.close();
  }
}

/** Today's plain count of one answer to one question. */
function countOf(question: string, answer: string): number {
  const db = new DatabaseSync(join(process.env.TEST_DATA_DIR!, 'queue.db'), { readOnly: true });
  try {
    const row = db.prepare('SELECT count FROM feedback_counts WHERE received_on = ? AND question = ? AND answer = ?').get(isoDate(londonDate(new Date())), question, answer) as
      | { count: number }
      | undefined;
    return row?.count ?? 0;
  } finally {
    db.close();
  }
}

const uniqueComment = (words: string) => `${words} ${Math.random().toString(36).slice(2, 8)}`;

test('JavaScript off: the plain form keeps what was typed through errors, then thanks and stores sealed answers', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  // Linked from the footer of every page and from the callback confirmation.
  await page.goto('/en/callback/sent/');
  await page.getByRole('link', { name: en['callbackSent.feedbackLink'] }).click();
  await expect(page).toHaveURL(/\/en\/feedback\/$/);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: en['footer.feedback'] })).toHaveAttribute('href', '/en/feedback/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tell us how we did');
  await expect(page.locator('main')).toContainText('We do not ask for your name, phone number or reference.');
  await expect(page.locator('main')).toContainText('Please do not write anything that could show who you are.');
  // Only the survey's own fields: nothing that could identify the person.
  const names = await page.locator('form[data-feedback-form] [name]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('name')))]);
  expect(names).toEqual(['easeOfAsking', 'calledSafely', 'listenedTo', 'comment']);
  // Without JavaScript there is no live count: the hint gives the limit.
  await expect(page.locator('[data-character-count]')).toHaveCount(0);

  // A missing choice and 501 characters: both named, in English, with everything typed kept.
  const tooLong = 'a'.repeat(501);
  await page.getByRole('group', { name: 'Did we call you at a safe time?' }).getByRole('radio', { name: 'You have not called me yet' }).check();
  await page.getByRole('group', { name: 'Did you feel listened to?' }).getByRole('radio', { name: '4' }).check();
  await page.getByLabel(en['feedbackForm.commentLabel']!).fill(tooLong);
  const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Send my answers' }).click()]);
  expect(refused.status()).toBe(400);
  await expect(page).toHaveTitle(/^Error: Tell us how we did/);
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toContainText('Choose how easy it was to ask for help');
  await expect(summary).toContainText('Your message must be 500 characters or fewer');
  await expect(page.locator('#feedback-comment-error')).toContainText('Your message must be 500 characters or fewer');
  await expect(page.getByLabel(en['feedbackForm.commentLabel']!)).toHaveValue(tooLong);
  await expect(page.getByRole('radio', { name: 'You have not called me yet' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Did you feel listened to?' }).getByRole('radio', { name: '4' })).toBeChecked();

  const comment = uniqueComment('The person who called was kind.');
  const notYetBefore = countOf('calledSafely', 'not-yet');
  await page.getByRole('group', { name: 'Was it easy to ask us for help?' }).getByRole('radio', { name: '2' }).check();
  await page.getByLabel(en['feedbackForm.commentLabel']!).fill(comment);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/en\/feedback\/sent\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your answers');
  const thanks = page.locator('[data-feedback-thanks]');
  await expect(thanks).toContainText('reads every answer');
  await expect(thanks).toContainText('The counts do not show who gave them');
  await expect(thanks).toContainText('only our domestic abuse team can open it');
  await expect(thanks.getByRole('link', { name: '0808 2000 247' })).toHaveAttribute('href', 'tel:08082000247');

  const mine = (await storedFeedback()).filter((f) => f.answers.comment === comment);
  expect(mine).toEqual([{ kind: 'feedback', lang: 'en', receivedOn: isoDate(londonDate(new Date())), answers: { easeOfAsking: '2', calledSafely: 'not-yet', listenedTo: '4', comment } }]);
  expect(countOf('calledSafely', 'not-yet')).toBeGreaterThan(notYetBefore);
  await context.close();

  // axe on the states a reader without JavaScript sees: the form as the server sends it back with errors.
  const axeContext = await browser.newContext({ baseURL });
  const checked = await axeContext.newPage();
  await checked.goto('/en/feedback/');
  await expectNoAxeViolations(checked, 'form');
  await checked.locator('form[data-feedback-form]').evaluate((form: HTMLFormElement) => form.submit());
  await expect(checked.locator('[data-error-summary]')).toBeVisible();
  await checked.evaluate(() => scrollTo(0, 0));
  await expectNoAxeViolations(checked, 'posted with errors');
  await axeContext.close();
});

test('JavaScript on, in Polish: errors in Polish without a reload, a live count heard politely, fail closed, then thanks in place', async ({ page }) => {
  await page.goto('/pl/feedback/');
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');

  // Nothing chosen: each question named in Polish, focus on the summary, the title says so.
  await page.getByRole('button', { name: pl['feedbackForm.submit'] }).click();
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toBeFocused();
  for (const key of ['feedbackForm.errorEase', 'feedbackForm.errorCalledSafely', 'feedbackForm.errorListened']) await expect(summary).toContainText(pl[key]!);
  await expect(page).toHaveTitle(new RegExp(`^${pl['callbackPage.errorTitle']!.replace('{{title}}', '')}`));

  // The count: seen at once, heard by a screen reader from a polite live region once typing pauses.
  const box = page.getByLabel(pl['feedbackForm.commentLabel']!);
  const heard = page.locator('[data-character-count-heard]');
  await expect(heard).toHaveAttribute('aria-live', 'polite');
  await expect(heard).toHaveText('');
  await box.fill('a'.repeat(501));
  await expect(page.locator('[data-character-count]')).toHaveText(pl['feedbackForm.charactersOver']!.replace('{{number}}', '1'));
  await expect(heard).toHaveText(pl['feedbackForm.charactersOver']!.replace('{{number}}', '1'));
  await page.getByRole('group', { name: pl['feedbackForm.easeLegend'] }).getByRole('radio', { name: '5' }).check();
  await page.getByRole('group', { name: pl['feedbackForm.calledSafelyLegend'] }).getByRole('radio', { name: pl['callbackForm.yes'] }).check();
  await page.getByRole('group', { name: pl['feedbackForm.listenedLegend'] }).getByRole('radio', { name: '3' }).check();
  await page.getByRole('button', { name: pl['feedbackForm.submit'] }).click();
  await expect(summary).toContainText(pl['callbackForm.errorMessageTooLong']!);
  await expect(summary).not.toContainText(pl['feedbackForm.errorEase']!);
  await expect(box).toHaveValue('a'.repeat(501));
  await expectNoAxeViolations(page, 'errors in place');

  // The answers cannot reach the server: the notice and the helpline, never a thank-you.
  const comment = uniqueComment('Dziękuję za rozmowę.');
  await box.fill(comment);
  await expect(heard).toHaveText(pl['feedbackForm.charactersLeft']!.replace('{{number}}', String(500 - comment.length)));
  await page.route('**/pl/feedback/', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await page.getByRole('button', { name: pl['feedbackForm.submit'] }).click();
  await expect(summary).toContainText(pl['feedbackForm.unavailable']!.replace('{{number}}', '0808 2000 247'));
  await expect(page.locator('[data-feedback-thanks]')).toHaveCount(0);
  await page.unroute('**/pl/feedback/');

  await page.getByRole('button', { name: pl['feedbackForm.submit'] }).click();
  const thanks = page.locator('[data-feedback-thanks]');
  await expect(thanks.getByRole('heading', { name: pl['feedbackSent.title'] })).toBeFocused();
  await expect(page).toHaveURL(/\/pl\/feedback\/$/);
  await expect(thanks).toContainText(pl['feedbackSent.sealed']!);
  await expect(thanks.getByRole('link', { name: '0808 2000 247' })).toHaveAttribute('href', 'tel:08082000247');
  await expectNoAxeViolations(page, 'thank-you');
  const mine = (await storedFeedback()).filter((f) => f.answers.comment === comment);
  expect(mine.map((f) => f.answers)).toEqual([{ easeOfAsking: '5', calledSafely: 'yes', listenedTo: '3', comment }]);
});

test('linked from the feedback-and-complaints page and the footer in every language', async ({ request }) => {
  const { locales } = await import('./site.ts');
  for (const { code } of locales) {
    const html = await (await request.get(`/${code}/feedback-and-complaints/`)).text();
    expect(html.match(new RegExp(`href="/${code}/feedback/"`, 'g'))?.length ?? 0, code).toBeGreaterThanOrEqual(2);
    expect(html, code).toContain(`>${strings(code)['footer.feedback']}</a>`);
  }
});
