/**
 * `npm start`: builds when the build is missing or older than its sources, then serves it.
 * The adapter's own server would send prerendered pages and assets without our headers, because
 * Astro middleware only runs for pages rendered on demand; so we wrap its handler and set the
 * security headers on every response here.
 */
import { spawnSync } from 'node:child_process';
import http, { type ServerResponse } from 'node:http';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { callbackRecipients } from '../callback/recipients.ts';
import { astroCli, buildIsStale } from './build-freshness.ts';
import { clientAddress, currentClient, trustedProxies } from './client-address.ts';
import { isAllowedHost } from './host-check.ts';
import { preparePrivateDataDir } from './private-data-dir.ts';
import { forbiddenHeaders, securityHeaders } from './security-headers.ts';
import { notifyConfig, type NotifyConfig } from '../notify/config.ts';
import { startNotifier, type Notifier } from '../notify/worker.ts';
import { openQueue } from '../queue/index.ts';
import { staffConfig } from '../staff/config.ts';
import { isStaffPath } from '../staff/routes.ts';
import { startStaffListener } from '../staff/listener.ts';
import { liveBuildDir, LiveSite, loadBuild, publishedFolder } from './live-build.ts';

const root = process.cwd();
const entry = 'dist/server/entry.mjs';
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
process.env.DATA_DIR = resolve(process.env.DATA_DIR ?? 'data');

// Misconfiguration stops the server here, before a build or a listener, in every NODE_ENV: a data
// folder others can read, recipients that would seal requests to nobody (or to a typo), or a typo
// in TRUSTED_PROXIES or the notification settings.
let proxies: ReturnType<typeof trustedProxies>;
let notify: NotifyConfig;
try {
  preparePrivateDataDir(process.env.DATA_DIR);
  await callbackRecipients(process.env);
  proxies = trustedProxies(process.env.TRUSTED_PROXIES);
  notify = notifyConfig(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// A build published from the editor stays live across restarts, unless the code itself changed
// (a new version deployed): then it is dropped and the site is built afresh below.
const published = join(root, publishedFolder, 'current');
if (existsSync(published) && buildIsStale(root, join(publishedFolder, 'current', 'server', 'entry.mjs'), true)) {
  console.log('The code is newer than the published build: building afresh from the saved content.');
  rmSync(join(root, publishedFolder), { recursive: true, force: true });
}
if (!existsSync(published) && buildIsStale(root, entry)) {
  console.log('The build is missing or older than its sources: building first.');
  const build = spawnSync(process.execPath, [astroCli(), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Sets the security headers just before the head is written, whatever wrote it. A page rendered on
 * demand keeps the policy src/middleware.ts gave it: the same list plus hashes of its inline scripts
 * (and, for the staff listener's editor page only, its X-Frame-Options).
 */
function withSecurityHeaders(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const headersArg = args.find((a, i) => i > 0 && a && typeof a === 'object' && !Array.isArray(a));
    const pageOwn = pageOwnHeaders.map((name) => [
      name,
      Object.entries((headersArg ?? {}) as Record<string, unknown>).find(([k]) => k.toLowerCase() === name)?.[1] ?? this.getHeader(name),
    ] as const);
    for (const [name, value] of Object.entries(securityHeaders)) this.setHeader(name, value);
    for (const name of forbiddenHeaders) this.removeHeader(name);
    for (const [name, value] of pageOwn) if (typeof value === 'string') this.setHeader(name, value);
    if (headersArg) {
      for (const key of Object.keys(headersArg)) {
        const lower = key.toLowerCase();
        if (lower in lowerSecurityHeaders || (forbiddenHeaders as readonly string[]).includes(lower)) {
          delete (headersArg as Record<string, unknown>)[key];
        }
      }
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
/** Headers src/middleware.ts sets per page, which the list above must not overwrite. */
const pageOwnHeaders = ['content-security-policy', 'x-frame-options'];
const lowerSecurityHeaders = Object.fromEntries(Object.entries(securityHeaders).map(([k, v]) => [k.toLowerCase(), v]));

// From here on every file the server creates (the queue and its journals) is its user's alone.
// Set after the build, whose output is not private.
process.umask(0o077);

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
/** The build both listeners serve; a publish switches it (live-build.ts). */
const live = new LiveSite(root, await loadBuild(liveBuildDir(root)));

/**
 * Limits for slow clients, so a few connections trickling bytes cannot hold the server's sockets:
 * the headers must arrive within 10 s and the whole request within 20 s (a callback body is at most
 * 16 KiB), and an idle keep-alive connection closes after 5 s. Node checks them every second.
 */
const publicListenerTimeouts = { headersTimeout: 10_000, requestTimeout: 20_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };

const server = http.createServer(publicListenerTimeouts, (req, res) => {
  withSecurityHeaders(res);
  if (!isAllowedHost(req.headers.host, req.socket.remoteAddress, process.env.SITE_URL)) {
    // 421: this server does not answer for that name (DNS rebinding, or a proxy sending the wrong Host).
    res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    res.end('Misdirected request\n');
    return;
  }
  const path = req.url?.split('?')[0];
  // The staff side has its own listener; here its addresses do not exist.
  if (path && isStaffPath(path)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  if (path === '/api/callback' || path === '/api/callback/') {
    void live.build.handleCallbackApi(req, res);
    return;
  }
  // The form's POST is rate limited by the same rule as the JSON endpoint's: see client-address.ts.
  const forwardedFor = req.headers['x-forwarded-for'];
  const client = clientAddress(req.socket.remoteAddress, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, proxies);
  currentClient.run(client, () => live.build.handler(req, res));
});
server.listen(port, host, () => {
  console.log(`Serving on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/ (data in ${process.env.DATA_DIR})`);
});

// The case team's console and staff sign-in (src/staff/): a second listener, off with STAFF_PORT=off.
let staffServer: http.Server | undefined;
try {
  const config = staffConfig(process.env);
  if (config) {
    staffServer = await startStaffListener(config, live, withSecurityHeaders);
    console.log(`Staff listener on http://${config.host}:${config.port}/staff/ (reach it as ${config.origin})`);
  }
} catch (error) {
  console.error(`The staff listener could not start: ${(error as Error).message}`);
  process.exit(1);
}

// Notifications to the case team (src/notify/): a worker beside the listeners, on its own queue
// connection, so no survivor's request waits for a mail server.
let notifier: Notifier | undefined;
if (notify.channels.length > 0) {
  try {
    notifier = startNotifier(await openQueue(process.env), notify);
  } catch (error) {
    console.error(`The notification worker could not open the queue (${(error as Error).name}).`);
    process.exit(1);
  }
  console.log(`Notifications by ${notify.channels.join(' and ')}.`);
} else {
  console.log('Notifications are off: set NOTIFY_SMTP_URL (with NOTIFY_FROM and NOTIFY_TO) or NOTIFY_WEBHOOK_URL to tell the case team of new requests.');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    staffServer?.close();
    void notifier?.stop();
    server.close(() => process.exit(0));
  });
}
