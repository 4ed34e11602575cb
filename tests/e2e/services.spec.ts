import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const listed = (page: Page) => page.locator('[data-service]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-service')));

/** Chooses options by their visible labels and presses the button, as a resident would. */
async function choose(page: Page, choices: Record<string, string>) {
  for (const [label, option] of Object.entries(choices)) await page.getByLabel(label, { exact: true }).selectOption({ label: option });
  await page.getByRole('button', { name: 'Show services' }).click();
  await page.waitForURL(/\?/);
}

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

    test('filters by who it is for, keeping services open to anyone', async ({ page }) => {
      await page.goto('/en/services/');
      await choose(page, { 'Who is it for?': 'LGBT+ people' });
      expect(new URL(page.url()).searchParams.get('for')).toBe('lgbt');
      const shown = await listed(page);
      expect(shown[0]).toBe('galop');
      expect(shown).toContain('national-domestic-abuse-helpline');
      expect(shown).not.toContain('mens-advice-line');
      expect(shown).not.toContain('karma-nirvana');
      await expect(page.getByRole('heading', { name: `Services found: ${shown.length}` })).toBeVisible();
      await expect(page.getByLabel('Who is it for?', { exact: true })).toHaveValue('lgbt');
    });

    test('filters by type, language and area together', async ({ page }) => {
      await page.goto('/en/services/');
      await choose(page, { 'Type of help': 'Refuge (safe place to stay)', Language: 'Polish', Area: 'Example Borough' });
      expect(await listed(page)).toEqual(['local-sample-refuge']);
      await page.getByRole('link', { name: 'Clear choices' }).click();
      await expect(page.getByLabel('Type of help', { exact: true })).toHaveValue('');
      expect((await listed(page)).length).toBeGreaterThanOrEqual(18);
    });

    test('says so when nothing matches', async ({ page }) => {
      await page.goto('/en/services/');
      await choose(page, { 'Who is it for?': 'Men', 'Type of help': 'Refuge (safe place to stay)' });
      expect(await listed(page)).toEqual([]);
      await expect(page.locator('[data-no-match]')).toContainText('No service matches all your choices');
    });
  });
}

// The unfiltered page is in the axe suite (it is in the sitemap); this covers the filtered states.
test('filtered and empty results pass axe', async ({ page }) => {
  for (const query of ['?for=lgbt&type=helpline', '?for=men&type=refuge']) {
    await page.goto(`/en/services/${query}`);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${query} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test('the Arabic directory has Arabic controls and marks the English descriptions', async ({ page }) => {
  await page.goto('/ar/services/?for=women');
  await expect(page.getByLabel('لمن هذه الخدمة؟', { exact: true })).toHaveValue('women');
  await expect(page.locator('[data-service="local-sample-by-and-for-service"] p[lang="en"]')).toHaveCount(1);
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
