/**
 * `npm run bench:exit`: how long quick exit takes, from activation to the start of the navigation
 * away, in headless Chromium with the back/forward cache on. 20 runs each of a click, Enter and
 * Shift ×3, against a baseline in the same run: the same link clicked with JavaScript off, which
 * is as fast as a browser leaves a page. Goal: a median of 50 ms or less.
 *
 * It lives under tests/ rather than src/cli/ because it is test tooling: it needs Playwright and
 * the test config's Chromium, which are devDependencies, and staff never run it.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumArgs, executablePath } from '../playwright.config.ts';

const runs = 20;
const goalMs = 50;
const port = Number(process.env.TEST_PORT ?? 4398);
const site = `http://127.0.0.1:${port}`;
const pagePath = '/en/cover-your-tracks/';

type Mode = 'plain link, JavaScript off (baseline)' | 'click' | 'Enter' | 'Shift ×3';
const modes: Mode[] = ['plain link, JavaScript off (baseline)', 'click', 'Enter', 'Shift ×3'];

/** Starts `npm start`'s server on its own port (it builds first when the build is stale). */
async function startServer(): Promise<() => void> {
  const server = spawn(process.execPath, ['src/server/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${site}/en/`).then((r) => r.ok, () => false)) return () => server.kill();
    if (server.exitCode !== null) throw new Error('The server stopped before it answered.');
    await sleep(200);
  }
  server.kill();
  throw new Error(`The server did not answer on ${site} within 2 minutes.`);
}

/** Epoch milliseconds with sub-millisecond precision, on the same clock as CDP's wallTime. */
const now = () => performance.timeOrigin + performance.now();

/** Sends one input event over CDP and returns the moment it was sent. */
async function activate(cdp: CDPSession, page: Page, mode: Mode): Promise<number> {
  const key = (type: 'keyDown' | 'keyUp', name: 'Shift' | 'Enter') =>
    cdp.send('Input.dispatchKeyEvent', {
      type,
      key: name,
      code: name === 'Shift' ? 'ShiftLeft' : 'Enter',
      windowsVirtualKeyCode: name === 'Shift' ? 16 : 13,
      ...(name === 'Enter' && type === 'keyDown' ? { text: '\r' } : {}),
    });
  if (mode === 'Shift ×3') {
    for (let i = 0; i < 2; i++) {
      await key('keyDown', 'Shift');
      await key('keyUp', 'Shift');
    }
    await key('keyDown', 'Shift');
    const at = now();
    await key('keyUp', 'Shift');
    return at;
  }
  if (mode === 'Enter') {
    await page.locator('a[data-quick-exit]').focus();
    const at = now();
    await key('keyDown', 'Enter');
    return at;
  }
  const box = (await page.locator('a[data-quick-exit]').boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left' as const, clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...point });
  const at = now();
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...point });
  return at;
}

/** One measured exit: milliseconds from activation to the browser starting the request away. */
async function measureOnce(browser: Browser, mode: Mode, exitOrigin: string): Promise<number> {
  const context = await browser.newContext({ javaScriptEnabled: mode !== 'plain link, JavaScript off (baseline)' });
  await context.route(`${exitOrigin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }));
  const page = await context.newPage();
  await page.goto(`${site}${pagePath}`, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const started = new Promise<number>((resolve) => {
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url.startsWith(exitOrigin)) resolve(event.wallTime * 1000);
    });
  });
  const activatedAt = await activate(cdp, page, mode);
  const startedAt = await Promise.race([started, sleep(10_000).then(() => Number.NaN)]);
  await context.close();
  if (Number.isNaN(startedAt)) throw new Error(`${mode}: the page never started to leave.`);
  return startedAt - activatedAt;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const stopServer = await startServer();
const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
  ignoreDefaultArgs: ['--disable-back-forward-cache', '--disable-popup-blocking'],
});
try {
  const probe = await browser.newPage();
  await probe.goto(`${site}${pagePath}`);
  const exitOrigin = new URL((await probe.locator('a[data-quick-exit]').getAttribute('href'))!).origin;
  await probe.close();

  const results = new Map<Mode, number[]>();
  for (const mode of modes) await measureOnce(browser, mode, exitOrigin); // warm-up, not counted
  // Interleaved, so a busy moment on the machine falls on every mode alike.
  for (let run = 0; run < runs; run++) {
    for (const mode of modes) results.set(mode, [...(results.get(mode) ?? []), await measureOnce(browser, mode, exitOrigin)]);
  }

  const baseline = median(results.get(modes[0]!)!);
  console.log(`Quick exit: activation → start of the navigation away, ${runs} runs each, headless Chromium ${browser.version()}`);
  console.log(`${'mode'.padEnd(40)}${'median'.padStart(10)}${'worst'.padStart(10)}${'vs baseline'.padStart(14)}`);
  for (const [mode, times] of results) {
    const m = median(times);
    const delta = mode === modes[0] ? '' : `${m - baseline >= 0 ? '+' : ''}${(m - baseline).toFixed(1)} ms`;
    console.log(`${mode.padEnd(40)}${`${m.toFixed(1)} ms`.padStart(10)}${`${Math.max(...times).toFixed(1)} ms`.padStart(10)}${delta.padStart(14)}`);
  }
  const worstMedian = Math.max(...modes.slice(1).map((mode) => median(results.get(mode)!)));
  const met = worstMedian <= goalMs;
  console.log(`Goal: median ≤ ${goalMs} ms for every way of leaving: ${met ? 'met' : 'NOT met'} (slowest median ${worstMedian.toFixed(1)} ms).`);
  process.exitCode = met ? 0 : 1;
} finally {
  await browser.close();
  stopServer();
}
