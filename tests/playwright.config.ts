import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** Chromium: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
  }
  return undefined;
}

export const executablePath = chromiumPath();
if (!executablePath && !existsSync(join(process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(process.env.HOME ?? '', '.cache/ms-playwright')))) {
  throw new Error(
    'No Chromium found. Install one with "sudo apt-get install chromium" (Debian or Ubuntu), or set ' +
      'CHROMIUM_PATH to a Chromium or Chrome binary, or run "npx playwright install chromium".',
  );
}

export const port = Number(process.env.TEST_PORT ?? 4399);
export const baseURL = `http://127.0.0.1:${port}`;
// Each run gets its own empty data folder, so tests never see another run's queue.
const dataDir = process.env.TEST_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'site-test-data-'));
process.env.TEST_DATA_DIR = dataDir;

// Flags Debian's Chromium needs here: no sandbox as root, and no background calls to Google.
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
    // A failure saves what the page looked like, beside the test's other output.
    screenshot: 'only-on-failure',
  },
  projects: [
    // tests/e2e/every-page.spec.ts crawls the whole sitemap once in each project (once per width) and
    // makes every per-page check in that one visit.
    // Tests tagged @own-widths set every viewport they check themselves (320–414 px, 200% zoom), so
    // they run once, in the desktop project.
    {
      name: 'phone',
      grepInvert: /@own-widths/,
      use: { ...devices['Pixel 7'], launchOptions: { executablePath, args: chromiumArgs } },
    },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 }, launchOptions: { executablePath, args: chromiumArgs } } },
  ],
  webServer: {
    command: 'node src/server/start.ts',
    cwd: '..',
    url: `${baseURL}/en/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
