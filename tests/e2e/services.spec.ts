import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const listed = (page: Page) => page.locator('[data-service]:visible').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-service')));
const strings = (code: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));

/** Every history entry of the tab, as the browser keeps it: address and title. */
async function historyEntries(page: Page): Promise<{ url: string; title: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.map(({ url, title }) => ({ url, title }));
}

/**
 * Chooses options by their visible labels and presses the button, as a resident would. With
 * JavaScript off that posts the form and loads the answer; with it on, the list changes in place
 * and focus moves to the results heading.
 */
async function choose(page: Page, javaScript: boolean, choices: Record<string, string>, button = 'Show services') {
  for (const [label, option] of Object.entries(choices)) await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  if (javaScript) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('#results-title')).toBeFocused();
  } else {
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: button }).click()]);
    await page.waitForLoadState();
  }
}

/** No choice in the address or in any history entry: only the directory's own address, nothing after it but the results anchor. */
async function expectNoChoiceInAddressOrHistory(page: Page, lang: string, values: string[]) {
  const clean = new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${lang}/services/(#results-title)?$`);
  expect(page.url()).toMatch(clean);
  const entries = await historyEntries(page);
  for (const entry of entries) {
    if (!entry.url.startsWith('http://127.0.0.1')) continue;
    expect(entry.url).toMatch(clean);
    for (const value of values) {
      expect(decodeURIComponent(entry.url).toLowerCase()).not.toContain(value.toLowerCase());
      expect(entry.title.toLowerCase()).not.toContain(value.toLowerCase());
    }
  }
}

test.use({ screenshot: 'only-on-failure' });
// Each test fills the form several times and reads the browser's history; a busy machine needs room.
test.describe.configure({ timeout: 90_000 });

for (const javaScriptEnabled of [false, true]) {
  test.describe(`services directory, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('lists every service with its last-checked date, samples marked', async ({ page }) => {
      await page.goto('/en/services/');
      const all = await listed(page);
      expect(all.length).toBeGreaterThanOrEqual(18);
      await expect(page.getByRole('heading', { name: `Services found: ${all.length}` })).toBeVisible();
      for (const card of await page.locator('[data-service]').all()) {
        await expect(card.locator('[data-last-checked]')).toHaveText(/^Last checked: \d{1,2} \w+ \d{4}$/);
      }
      await expect(page.locator('[data-service="local-sample-refuge"] [data-sample]')).toHaveText('Sample: not a real service');
      await expect(page.locator('[data-service="galop"] [data-sample]')).toHaveCount(0);
    });

    test('filters by who it is for, keeping services open to anyone, with the choice in neither the address nor history', async ({ page }) => {
      await page.goto('/en/services/');
      const requests: string[] = [];
      page.on('request', (r) => {
        if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(`${r.method()} ${r.url()}`);
      });
      await choose(page, javaScriptEnabled, { 'Who is it for?': 'LGBT+ people' });
      const shown = await listed(page);
      expect(shown[0]).toBe('galop');
      expect(shown).toContain('national-domestic-abuse-helpline');
      expect(shown).not.toContain('mens-advice-line');
      expect(shown).not.toContain('karma-nirvana');
      await expect(page.getByRole('heading', { name: `Services found: ${shown.length}` })).toBeVisible();
      await expect(page.getByLabel('Who is it for?', { exact: true })).toHaveValue('lgbt');
      await expectNoChoiceInAddressOrHistory(page, 'en', ['lgbt', 'for=']);
      // In place with JavaScript: nothing leaves the browser at all.
      if (javaScriptEnabled) expect(requests).toEqual([]);
      else expect(requests[0]).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/en\/services\/$/);

      await choose(page, javaScriptEnabled, { 'Who is it for?': 'Honour-based abuse and forced marriage' });
      expect((await listed(page)).slice(0, 2).sort()).toEqual(['forced-marriage-unit', 'karma-nirvana']);
      await expectNoChoiceInAddressOrHistory(page, 'en', ['lgbt', 'honour', 'for=']);
    });

    test('filters by type, language and area together', async ({ page }) => {
      await page.goto('/en/services/');
      await choose(page, javaScriptEnabled, { 'Type of help': 'Refuge (safe place to stay)', Language: 'Polish', Area: 'Example Borough' });
      expect(await listed(page)).toEqual(['local-sample-refuge']);
      await expectNoChoiceInAddressOrHistory(page, 'en', ['type=', 'refuge', '=pl', 'polish', 'Example Borough']);
      await page.getByRole('link', { name: 'Clear choices' }).click();
      await expect(page.getByLabel('Type of help', { exact: true })).toHaveValue('');
      expect((await listed(page)).length).toBeGreaterThanOrEqual(18);
    });

    test('a language lists the services whose staff speak it, then those that get an interpreter, and says which', async ({ page }) => {
      await page.goto('/en/services/');
      await choose(page, javaScriptEnabled, { Language: 'Urdu' });
      const shown = await listed(page);
      expect(shown[0]).toBe('local-sample-by-and-for-service');
      expect(shown).toEqual(expect.arrayContaining(['national-domestic-abuse-helpline', 'karma-nirvana', 'childline']));
      expect(shown).not.toContain('samaritans');
      expect(shown).not.toContain('relay-uk');
      const card = (id: string) => page.locator(`[data-service="${id}"] [data-language-help]`);
      await expect(card('local-sample-by-and-for-service')).toHaveText('In Urdu: someone at this service speaks it.');
      await expect(card('national-domestic-abuse-helpline')).toHaveText('In Urdu: this service gets you an interpreter.');
      await expect(page.locator('[data-service="national-domestic-abuse-helpline"] [data-interpreters]')).toHaveText(/Other languages:?\s*Through an interpreter/);
      await expectNoChoiceInAddressOrHistory(page, 'en', ['language=', '=ur', 'urdu']);

      await choose(page, javaScriptEnabled, { Language: 'Any' });
      await expect(card('national-domestic-abuse-helpline')).toBeHidden();
      expect((await listed(page)).length).toBeGreaterThanOrEqual(18);
    });

    test('says so when nothing matches', async ({ page }) => {
      await page.goto('/en/services/');
      await choose(page, javaScriptEnabled, { 'Who is it for?': 'Men', 'Type of help': 'Refuge (safe place to stay)' });
      expect(await listed(page)).toEqual([]);
      await expect(page.locator('[data-no-match]')).toContainText('No service matches all your choices');
      await expect(page.getByRole('heading', { name: 'Services found: 0' })).toBeVisible();
    });

    // The languages the issue named: a reader choosing their own language finds the national helpline.
    for (const lang of ['ur', 'pa', 'ar', 'bn', 'pl']) {
      test(`${lang}: choosing the page's own language finds the national helpline, told how in ${lang}`, async ({ page }) => {
        const t = strings(lang);
        await page.goto(`/${lang}/services/`);
        const languageName = (await page.locator(`#filter-language option[value="${lang}"]`).textContent())!;
        await choose(page, javaScriptEnabled, { [t['services.languageLabel']!]: languageName }, t['services.submit']);
        const help = page.locator('[data-service="national-domestic-abuse-helpline"] [data-language-help]');
        await expect(help).toBeVisible();
        await expect(help).toHaveText(t['services.helpInLanguageInterpreter']!.replace('{{language}}', languageName));
        await expectNoChoiceInAddressOrHistory(page, lang, [`language=`, `=${lang}`]);
      });
    }
  });
}

test('a posted choice is answered at the same address with the site headers and no cookie; a query string filters nothing', async ({ page, request }) => {
  const response = await request.post('/en/services/', { form: { for: 'lgbt', type: 'helpline' } });
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['set-cookie']).toBeUndefined();
  const html = await response.text();
  expect(html).toMatch(/data-service="galop"[^>]*data-order="\d+"(?! hidden)/);
  // Nor does the browser keep the choices with the history entry to restore them.
  expect(html).toMatch(/<form method="post"[^>]*autocomplete="off"/);

  await page.goto('/en/services/?for=lgbt&type=refuge');
  expect((await listed(page)).length).toBeGreaterThanOrEqual(18);
  await expect(page.getByLabel('Who is it for?', { exact: true })).toHaveValue('');
});

test('an unknown or oversized posted value shows everything rather than failing', async ({ request }) => {
  for (const form of [{ for: '<script>', area: 'nowhere' }, { for: 'x'.repeat(5000) }] as Record<string, string>[]) {
    const response = await request.post('/en/services/', { form });
    expect(response.status()).toBe(200);
    expect((await response.text()).match(/<li class="service"[^>]*data-order="\d+">/g)?.length ?? 0).toBeGreaterThanOrEqual(18);
  }
});

// The unfiltered page is in the axe suite (it is in the sitemap); this covers the filtered states.
// axe needs JavaScript, so the page the server answers to a posted form (what a reader without
// JavaScript sees) is reached with form.submit(), which skips the page's own script.
test('filtered and empty results pass axe, filtered in place and as posted', async ({ page }) => {
  test.setTimeout(240_000);
  const axe = async (state: string) => {
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${state} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  };
  await page.goto('/en/services/');
  await choose(page, true, { 'Who is it for?': 'LGBT+ people', Language: 'Urdu' });
  await axe('in place, LGBT+ and Urdu');
  await choose(page, true, { 'Who is it for?': 'Men', Language: 'Any', 'Type of help': 'Refuge (safe place to stay)' });
  await axe('in place, none');
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Urdu' });
  await page.getByLabel('Type of help', { exact: true }).selectOption({ label: 'Any' });
  await Promise.all([page.waitForURL(/#results-title$/), page.locator('service-directory form').evaluate((form: HTMLFormElement) => form.submit())]);
  await expect(page.locator('[data-service="mens-advice-line"] [data-language-help]')).toHaveText('In Urdu: this service gets you an interpreter.');
  // The jump to the results leaves the form's links scrolled under the sticky exit bar, which axe's
  // target-size rule counts as covered; a reader scrolls back up to them. Check the page from the top.
  await page.evaluate(() => scrollTo(0, 0));
  await axe('posted, men and Urdu');
});

test('the Arabic directory has Arabic controls and marks what is still English (a sample service\'s name)', async ({ page }) => {
  await page.goto('/ar/services/');
  await choose(page, true, { 'لمن هذه الخدمة؟': strings('ar')['services.forWomen']! }, strings('ar')['services.submit']);
  await expect(page.getByLabel('لمن هذه الخدمة؟', { exact: true })).toHaveValue('women');
  await expect(page.locator('[data-service="local-sample-by-and-for-service"] h3[lang="en"]')).toHaveCount(1);
  await expect(page.locator('[data-service="local-sample-by-and-for-service"] p[lang="en"]')).toHaveCount(0);
});

test('a translated service description is shown in the reader\'s language; the others stay English, marked, under the notice', async ({ page }) => {
  await page.goto('/pl/services/');
  const galop = page.locator('[data-service="galop"]');
  await expect(galop.locator('h3')).toHaveText('Galop, krajowa infolinia ds. przemocy domowej dla osób LGBT+');
  await expect(galop.locator('p', { hasText: 'Krajowa infolinia dla lesbijek' })).not.toHaveAttribute('lang', /./);
  const helpline = page.locator('[data-service="national-domestic-abuse-helpline"]');
  await expect(helpline.locator('dd', { hasText: 'Całą dobę, każdego dnia' })).not.toHaveAttribute('lang', /./);
  // Numbers come from the English entry, whatever the language.
  await expect(helpline.locator('a[href="tel:08082000247"]')).toHaveCount(1);
  await expect(page.locator('[data-service="samaritans"] h3')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-english-notice]')).toHaveCount(1);
  await expect(galop.locator('[lang="en"]')).toHaveCount(0);
  // In English nothing is marked and there is no notice.
  await page.goto('/en/services/');
  await expect(page.locator('[data-english-notice]')).toHaveCount(0);
  await expect(page.locator('[data-service] [lang="en"]')).toHaveCount(0);
});

test('an unknown filter value shows everything rather than failing', async ({ page }) => {
  const response = await page.goto('/en/services/?for=%3Cscript%3E&area=nowhere');
  expect(response?.status()).toBe(200);
  expect((await listed(page)).length).toBeGreaterThanOrEqual(18);
});
