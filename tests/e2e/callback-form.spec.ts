import { expect, test, type Page } from '@playwright/test';
import { unofferedSafeTimes } from '../fixtures/callback-requests.ts';
import { londonInstant } from '../../src/callback/london-time.ts';
import { promiseText } from '../../src/islands/CallbackForm/promise-text.ts';
import { openRequest, queuedDueBy, queuedReferences } from './callback-queue.ts';
import { readFileSync } from 'node:fs';
import { piecesDrawnOutOfOrder } from './reading-order.ts';
import { locales, zoomed200 } from './site.ts';

// Two cores shared with other work: a full form, a round trip and a CLI call can take a while.
test.describe.configure({ timeout: 60_000 });

/** Tests run in parallel against one queue: a request is recognised by what it carries. */
function expectNoneQueuedSince(before: string[], name: string) {
  const added = queuedReferences().filter((r) => !before.includes(r));
  for (const reference of added) expect(openRequest(reference).askFor).not.toBe(name);
}
const uniqueName = () => `Robin ${Math.random().toString(36).slice(2, 8)}`;

/** A drama number no other test uses, so each test finds its own request. */
const dramaNumber = () => `07700 900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
const toE164 = (n: string) => `+44${n.replace(/\s/g, '').slice(1)}`;

async function fillRequest(page: Page, phone: string, name = 'Robin') {
  await page.getByLabel('A safe phone number').fill(phone);
  await page.getByRole('radio', { name: 'Text' }).check();
  await page.locator('input[name="safeTime"]').first().check();
  await page.locator('input[name="safeTime"]').nth(2).check();
  await page.getByRole('group', { name: 'May we say we are from' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByLabel('A name or code name to ask for (optional)').fill(name);
  await page.getByLabel('Anything else we should know? (optional)').fill('After 10 is best');
  await page.getByRole('checkbox', { name: /I agree/ }).check();
}

/** The safe-time values the page offers, in order. */
const offeredOnPage = (page: Page) => page.locator('input[name="safeTime"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

/** Makes the first safe time on the page one that has passed, as on a page left open since Monday 6 January 2020. */
async function offerAPassedTime(page: Page) {
  await page.locator('input[name="safeTime"]').first().evaluate((input: HTMLInputElement, value) => (input.value = value), unofferedSafeTimes.past);
}

/** After a passed time: the message, the passed time no longer ticked, everything else as typed. */
async function expectPassedTimeRefused(page: Page, phone: string, name: string, kept: string) {
  await expect(page.locator('#callback-safeTime-error')).toContainText('A time you chose has passed or is now less than an hour away');
  await expect(page.locator('[data-error-summary]')).toContainText('A time you chose has passed');
  await expect(page.locator(`input[name="safeTime"][value="${kept}"]`)).toBeChecked();
  await expect(page.locator('input[name="safeTime"]:checked')).toHaveCount(1);
  await expect(page.getByLabel('A safe phone number')).toHaveValue(phone);
  await expect(page.getByRole('radio', { name: 'Text' })).toBeChecked();
  await expect(page.getByLabel('A name or code name to ask for (optional)')).toHaveValue(name);
  await expect(page.getByLabel('Anything else we should know? (optional)')).toHaveValue('After 10 is best');
  await expect(page.getByRole('checkbox', { name: /I agree/ })).toBeChecked();
}

async function expectValuesKept(page: Page, phone: string, name: string) {
  await expect(page.getByLabel('A safe phone number')).toHaveValue(phone);
  await expect(page.getByRole('radio', { name: 'Text' })).toBeChecked();
  await expect(page.locator('input[name="safeTime"]').first()).toBeChecked();
  await expect(page.locator('input[name="safeTime"]').nth(2)).toBeChecked();
  await expect(page.locator('input[name="safeTime"]').nth(1)).not.toBeChecked();
  await expect(page.getByLabel('A name or code name to ask for (optional)')).toHaveValue(name);
  await expect(page.getByLabel('Anything else we should know? (optional)')).toHaveValue('After 10 is best');
  await expect(page.getByRole('checkbox', { name: /I agree/ })).toBeChecked();
}

test.describe('callback form, JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a bad phone number shows the error, keeps everything typed and queues nothing', async ({ page }) => {
    const before = queuedReferences();
    await page.goto('/en/callback/');
    const name = uniqueName();
    await fillRequest(page, '07700 9001', name);
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page).toHaveTitle(/^Error: Ask us to call you back/);
    const summary = page.locator('[data-error-summary]');
    await expect(summary.getByRole('alert')).toContainText('There is a problem');
    await expect(summary.getByRole('link', { name: 'Enter a UK phone number, like 07700 900123' })).toHaveAttribute('href', '#callback-phone-field');
    await expect(page.locator('#callback-phone-error')).toContainText('Enter a UK phone number');
    await expect(page.getByLabel('A safe phone number')).toHaveAttribute('aria-describedby', /callback-phone-error/);
    await expectValuesKept(page, '07700 9001', name);
    expectNoneQueuedSince(before, name);
  });

  test('a good request ends on a page that carries nothing personal, and is queued sealed', async ({ page }) => {
    const phone = dramaNumber();
    const before = new Set(queuedReferences());
    await page.goto('/en/callback/');
    await fillRequest(page, phone);
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page).toHaveURL(/\/en\/callback\/sent\/$/);
    await expect(page).toHaveTitle(/^Request sent/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
    const html = await page.content();
    for (const personal of [phone, phone.replace(/\s/g, ''), 'Robin', 'After 10 is best']) expect(html).not.toContain(personal);
    const mine = queuedReferences()
      .filter((r) => !before.has(r))
      .map((r) => openRequest(r))
      .filter((request) => request.phone === toE164(phone));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ phone: toE164(phone), method: 'text', askFor: 'Robin', sayWhoWeAre: 'yes', voicemail: 'no' });
  });

  test('a safe time that has passed since the page opened: a clear message, everything else kept, nothing queued', async ({ page }) => {
    test.slow(); // two round trips to the server and a CLI call
    const before = queuedReferences();
    await page.goto('/en/callback/');
    const kept = (await offeredOnPage(page))[2]!;
    await offerAPassedTime(page);
    const name = uniqueName();
    const phone = dramaNumber();
    await fillRequest(page, phone, name);
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page).toHaveTitle(/^Error: Ask us to call you back/);
    await expectPassedTimeRefused(page, phone, name, kept);
    await expect(page.locator(`input[name="safeTime"][value="${unofferedSafeTimes.past}"]`)).toHaveCount(0);
    expectNoneQueuedSince(before, name);
  });

  test('the sent page states the rule for when we call, without naming anything from the request', async ({ page }) => {
    await page.goto('/en/callback/');
    await fillRequest(page, dramaNumber());
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page).toHaveURL(/\/en\/callback\/sent\/$/);
    await expect(page.locator('main')).toContainText('at one of the safe times you chose.');
    await expect(page.locator('main')).toContainText(/If you chose any times up to the end of \w+day \d{1,2} \w+, we will contact you by the end of the last of those times\. If all your times are later, we will contact you by the end of the first time you chose\./);
  });

  test('errors come in the reader\'s language', async ({ page }) => {
    await page.goto('/ar/callback/');
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('#callback-phone-error')).toContainText('أدخل رقم هاتف يمكننا استخدامه');
    await expect(page.locator('[data-error-summary]')).toContainText('هناك مشكلة');
  });
});

test.describe('callback form, JavaScript on', () => {
  async function hydrated(page: Page, path = '/en/callback/') {
    await page.goto(path);
    await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  }

  test('a bad phone number shows the error in place, focuses the summary, keeps everything and queues nothing', async ({ page }) => {
    const before = queuedReferences();
    await hydrated(page);
    const name = uniqueName();
    await fillRequest(page, '07700 9001', name);
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page).toHaveURL(/\/en\/callback\/$/);
    await expect(page.locator('[data-error-summary]')).toBeFocused();
    await expect(page.locator('#callback-phone-error')).toContainText('Enter a UK phone number, like 07700 900123');
    await page.locator('[data-error-summary] a').first().click();
    await expect(page.getByLabel('A safe phone number')).toBeFocused();
    await expectValuesKept(page, '07700 9001', name);
    expectNoneQueuedSince(before, name);
  });

  test('a good request shows the reference in place and is queued sealed', async ({ page }) => {
    const phone = dramaNumber();
    await hydrated(page);
    await fillRequest(page, phone);
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    const confirmation = page.locator('[data-callback-confirmation]');
    await expect(confirmation.getByRole('heading', { name: 'Request sent' })).toBeFocused();
    await expect(page).toHaveURL(/\/en\/callback\/$/);
    const reference = (await confirmation.locator('[data-reference]').textContent())!;
    expect(reference).toMatch(/^CB-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(confirmation).toContainText('We will not send an email or text');
    await expect(confirmation.getByRole('link', { name: /tell us how we did/ })).toHaveAttribute('href', '/en/feedback/');
    expect(queuedReferences()).toContain(reference);
    // The promise shown is the due-by the team sees, to the minute.
    const due = queuedDueBy(reference);
    await expect(confirmation).toContainText(promiseText('at one of the safe times you chose, by {{time}} on {{date}}.', 'en', due));
    expect(openRequest(reference)).toMatchObject({ phone: toE164(phone), method: 'text', askFor: 'Robin' });
  });

  test('a safe time that has passed since the page opened: the message in place, that time taken away, everything else kept', async ({ page }) => {
    test.slow(); // two round trips to the server and a CLI call
    const before = queuedReferences();
    await hydrated(page);
    const [first, , kept] = await offeredOnPage(page);
    const name = uniqueName();
    const phone = dramaNumber();
    await fillRequest(page, phone, name);
    // The page has been open a while: the phone's clock now reads 30 minutes before the first window,
    // and the server, at the time the first window had passed, refuses it (the one request is rewritten).
    const [, date, time] = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(first!)!;
    const [year, month, day] = date!.split('-').map(Number) as [number, number, number];
    const firstStart = londonInstant({ year, month, day }, Number(time!.slice(0, 2)), Number(time!.slice(3)));
    await page.clock.setFixedTime(new Date(firstStart.getTime() - 30 * 60_000));
    await page.route('**/api/callback', (route) => route.continue({ postData: route.request().postData()!.replace(first!, unofferedSafeTimes.past) }), { times: 1 });
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    // A round trip to the server, on a shared machine.
    await expect(page.locator('[data-error-summary]')).toBeFocused({ timeout: 20_000 });
    await expectPassedTimeRefused(page, phone, name, kept!);
    await expect(page.locator(`input[name="safeTime"][value="${first}"]`)).toHaveCount(0);
    expectNoneQueuedSince(before, name);
    // Sent again as it now stands, it goes through.
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page.locator('[data-callback-confirmation]')).toBeVisible({ timeout: 20_000 });
  });

  test('errors come in the reader\'s language', async ({ page }) => {
    await hydrated(page, '/ar/callback/');
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('#callback-phone-error')).toContainText('أدخل رقم هاتف يمكننا استخدامه');
    await expect(page.locator('[data-error-summary]')).toBeFocused();
  });
});

/** Fills the form by field name, whatever the page's language. */
async function fillByName(page: Page, phone: string, name: string) {
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('input[name="method"][value="call"]').check();
  await page.locator('input[name="safeTime"]').first().check();
  await page.locator('input[name="askFor"]').fill(name);
  await page.locator('input[name="consent"]').check();
}

/** The one queued request carrying `name`. */
function requestNamed(name: string, before: string[]): Record<string, unknown> {
  const mine = queuedReferences()
    .filter((r) => !before.includes(r))
    .map((r) => openRequest(r))
    .filter((request) => request.askFor === name);
  expect(mine).toHaveLength(1);
  return mine[0]!;
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`callback form in Bengali, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a phone number typed in Bengali digits is accepted and stored as E.164', async ({ page }) => {
      const before = queuedReferences();
      await page.goto('/bn/callback/');
      if (javaScriptEnabled) await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
      const name = uniqueName();
      await fillByName(page, '০৭৭০০ ৯০০১২৩', name);
      await page.locator('button[type="submit"]').click();
      if (javaScriptEnabled) await expect(page.locator('[data-callback-confirmation]')).toBeVisible();
      else await expect(page).toHaveURL(/\/bn\/callback\/sent\/$/);
      await expect(page.locator('.field-error')).toHaveCount(0);
      expect(requestNamed(name, before).phone).toBe('+447700900123');
    });
  });
}

test.describe('a form sent again with different details (the first answer was lost)', () => {
  /** Sends what the page holds now under its token, as a send whose answer never arrived would have. */
  async function sendEarlierVersion(page: Page, phone: string, name: string) {
    const token = await page.locator('input[name="submissionToken"]').inputValue();
    const body = { phone, method: 'call', safeTime: [await page.locator('input[name="safeTime"]').first().getAttribute('value')], voicemail: 'no', sayWhoWeAre: 'no', consent: 'yes', askFor: name, submissionToken: token };
    const response = await page.request.post('/api/callback', { data: body, headers: { 'content-type': 'application/json' } });
    expect(response.status()).toBe(201);
    return { token, reference: (await response.json()).reference as string };
  }

  // Two sends and several calls of the staff command line: slow on a busy machine.
  test.describe.configure({ timeout: 180_000 });

  test('JavaScript off: 409 with the notice, everything typed kept, a fresh token; sending again stores the correction', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    const before = queuedReferences();
    await page.goto('/en/callback/');
    const name = uniqueName();
    const first = await sendEarlierVersion(page, '07700 900111', name);
    await fillByName(page, '07700 900222', name);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Ask for a callback' }).click()]);
    expect(answer.status()).toBe(409);
    expect(answer.statusText()).toBe('Conflict');
    await expect(page.locator('[data-error-summary]')).toContainText('We kept what you sent first');
    await expect(page.locator('input[name="phone"]')).toHaveValue('07700 900222');
    await expect(page.locator('input[name="askFor"]')).toHaveValue(name);
    const fresh = await page.locator('input[name="submissionToken"]').inputValue();
    expect(fresh).not.toBe(first.token);
    expect(openRequest(first.reference).phone).toBe('+447700900111');
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    await expect(page).toHaveURL(/\/en\/callback\/sent\/$/);
    const stored = queuedReferences().filter((r) => !before.includes(r) && r !== first.reference).map((r) => openRequest(r)).filter((r) => r.askFor === name);
    expect(stored.map((r) => r.phone)).toEqual(['+447700900222']);
    await context.close();
  });

  test('JavaScript on: the island sends the correction under a fresh token and shows its own reference', async ({ page }) => {
    const before = queuedReferences();
    await page.goto('/en/callback/');
    await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
    const name = uniqueName();
    const first = await sendEarlierVersion(page, '07700 900333', name);
    await fillByName(page, '07700 900444', name);
    const statuses: number[] = [];
    page.on('response', (r) => r.url().endsWith('/api/callback') && statuses.push(r.status()));
    await page.getByRole('button', { name: 'Ask for a callback' }).click();
    const reference = (await page.locator('[data-callback-confirmation] [data-reference]').textContent())!;
    expect(statuses).toEqual([409, 201]);
    expect(reference).not.toBe(first.reference);
    expect(openRequest(reference).phone).toBe('+447700900444');
    expect(openRequest(first.reference).phone).toBe('+447700900333');
    const stored = queuedReferences().filter((r) => !before.includes(r)).map((r) => openRequest(r)).filter((r) => r.askFor === name);
    expect(stored).toHaveLength(2);
  });
});

test('the callback page\'s policy allows exactly the inline scripts the build emits, and they all run', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  const response = (await page.goto('/en/callback/'))!;
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/);
  const allowed = /script-src ([^;]*)/.exec(response.headers()['content-security-policy']!)![1]!.split(' ').filter((s) => s.startsWith("'sha256-"));
  const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
  const { createHash } = await import('node:crypto');
  for (const body of inline) expect(allowed).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  // The same four for every page rendered on demand: Astro's client:load and client:only directives
  // (the staff console uses the latter), its island element, and the development copy of that.
  expect(allowed).toHaveLength(4);
  expect(violations).toEqual([]);
});

for (const { code, dir } of locales) {
  test(`${code}: on a phone every safe time reads in order, its first time first`, { tag: '@own-widths' }, async ({ page }) => {
    test.setTimeout(120_000);
    for (const width of [320, 360, 414]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(`/${code}/callback/`);
      const labels = page.locator('.safe-day .choice label');
      expect(await labels.count()).toBeGreaterThan(0);
      expect(await piecesDrawnOutOfOrder(page.locator('fieldset:has(.safe-day)')), `at ${width} px`).toEqual([]);
      // The start time is drawn where the reader starts: left of the end, or right of it in ar and ur.
      const misplaced = await labels.evaluateAll((all, rtl) =>
        all.flatMap((label) => {
          const text = label.firstChild!;
          const times = [...(text.textContent ?? '').matchAll(/[\p{Nd}]+[:.][\p{Nd}]+/gu)];
          const boxOf = (m: RegExpMatchArray) => {
            const range = document.createRange();
            range.setStart(text, m.index!);
            range.setEnd(text, m.index! + m[0].length);
            return range.getBoundingClientRect();
          };
          const [start, end] = [boxOf(times[0]!), boxOf(times.at(-1)!)];
          const inOrder = rtl ? start.left >= end.right : start.right <= end.left;
          return times.length === 2 && inOrder ? [] : [label.textContent];
        }),
      dir === 'rtl');
      expect(misplaced, `at ${width} px`).toEqual([]);
    }
  });
}

/** Fails the form with nothing filled in, once the island has taken it over. */
async function submitEmpty(page: Page, code: string) {
  await page.goto(`/${code}/callback/`);
  // Hydration waits for the island's JavaScript, slow on a busy machine: this is no budget.
  await expect(page.locator('astro-island')).not.toHaveAttribute('ssr', /.*/, { timeout: 30_000 });
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-error-summary]')).toBeFocused();
}

/**
 * The parts of the linked field that are not wholly in view below the exit bar, after following each
 * summary link. Each link points at its field's box; with JavaScript it also focuses the control.
 */
async function fieldPartsHidden(page: Page, javaScriptEnabled = true): Promise<string[]> {
  const hidden: string[] = [];
  const links = await page.locator('[data-error-summary] a').evaluateAll((all) => all.map((a) => a.getAttribute('href')!));
  for (const href of links) {
    const box = page.locator(href);
    if (javaScriptEnabled) {
      await page.locator(`[data-error-summary] a[href="${href}"]`).click();
      await expect(page.locator(`#${href.slice(1).replace(/-field$/, '')}`)).toBeFocused();
    } else {
      // Without JavaScript the summary is a plain list of in-page links, as the server sent it.
      await page.locator(`[data-error-summary] a[href="${href}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
    }
    hidden.push(
      ...(await box.evaluate((field) => {
        const bar = document.querySelector('.quick-exit-bar')!.getBoundingClientRect();
        const parts = [field.querySelector('label, legend')!, ...field.querySelectorAll('.hint, .field-error')];
        return parts.flatMap((part) => {
          const rect = part.getBoundingClientRect();
          const inView = rect.top >= bar.bottom - 0.5 && rect.bottom <= innerHeight + 0.5 && rect.left >= 0 && rect.right <= document.documentElement.clientWidth + 0.5;
          return inView ? [] : [`#${field.id} ${part.className || part.localName} at ${Math.round(rect.top)}..${Math.round(rect.bottom)}, bar ends ${Math.round(bar.bottom)}`];
        });
      })),
    );
  }
  return hidden;
}

test.describe('error-summary links at 200% zoom and phone widths', () => {
  test.use(zoomed200);

  for (const { code } of locales) {
    test(`${code}: every summary link shows its field's label, hint and message in full, below the exit bar`, { tag: '@own-widths' }, async ({ page }) => {
      test.setTimeout(180_000);
      for (const { width, height } of [{ width: 640, height: 400 }, { width: 320, height: 640 }, { width: 360, height: 640 }, { width: 414, height: 640 }]) {
        await page.setViewportSize({ width, height });
        await submitEmpty(page, code);
        expect(await fieldPartsHidden(page), `at ${width} x ${height}`).toEqual([]);
      }
    });
  }
});

test.describe('error-summary links without JavaScript', () => {
  test.use({ ...zoomed200, javaScriptEnabled: false });

  // The scripts that help with JavaScript on are absent: the browser's own jump to the link's target
  // must still show the label, hint and message below the exit bar.
  for (const code of ['en', 'ur', 'pa']) {
    test(`${code}: following a summary link shows its field's label, hint and message below the exit bar`, { tag: '@own-widths' }, async ({ page }) => {
      test.setTimeout(120_000);
      for (const { width, height } of [{ width: 640, height: 400 }, { width: 360, height: 640 }]) {
        await page.setViewportSize({ width, height });
        await page.goto(`/${code}/callback/`);
        await page.locator('button[type="submit"]').click();
        await expect(page.locator('[data-error-summary]')).toBeVisible();
        expect(await fieldPartsHidden(page, false), `at ${width} x ${height}`).toEqual([]);
      }
    });
  }
});

for (const { code } of locales) {
  test(`${code}: a failed submit puts "Error:" in the title, with JavaScript on as with it off`, { tag: '@own-widths' }, async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    const ui = JSON.parse(readFileSync(`locales/${code}.json`, 'utf8')) as Record<string, string>;
    const errorTitle = ui['callbackPage.errorTitle']!.replace('{{title}}', ui['callbackPage.title']!);
    const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const plain = await noScript.newPage();
    await plain.goto(`/${code}/callback/`);
    await plain.locator('button[type="submit"]').click();
    const titleWithout = await plain.title();
    await noScript.close();
    expect(titleWithout.startsWith(errorTitle), titleWithout).toBe(true);

    await page.setViewportSize({ width: 360, height: 640 });
    await submitEmpty(page, code);
    await expect(page).toHaveTitle(titleWithout);
  });
}
