/**
 * The staff listener: a second http server in the `npm start` process, on STAFF_HOST:STAFF_PORT.
 * It answers only the routes in routes.ts, the sign-in and console pages (rendered by the same
 * Astro build, which the public listener refuses to serve) and the built assets those pages load.
 * Nothing of the public site is served here, and nothing staff is served there.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { openQueueWithStaff } from '../queue/staff-index.ts';
import type { StaffConfig } from './config.ts';
import { BodyError, isSameOrigin, readJson, sendEmpty, sendJson } from './http.ts';
import { allowed, keystaticApiAccess, matchApi, matchPage, type StaffContext } from './routes.ts';
import { isKeystaticApiPath, keystaticApi } from '../editor/keystatic-api.ts';
import { Publisher } from '../editor/publish.ts';
import { parsePreviewPath, sendPreviewFile } from '../editor/preview.ts';
import type { Publishing } from '../editor/editor-api.ts';
import type { LiveSite } from '../server/live-build.ts';
import { join } from 'node:path';
import { currentMember, homeFor } from './sessions.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Starts the staff listener; the live build renders pages and assets (and a publish switches it),
 * `withHeaders` puts the security headers on them.
 */
export async function startStaffListener(config: StaffConfig, live: LiveSite, withHeaders: (res: ServerResponse) => void): Promise<http.Server> {
  const { queue, staff: store } = await openQueueWithStaff(process.env);
  const root = process.cwd();
  const editorFiles = keystaticApi(root, config.origin);
  const publishing: Publishing = { root, sourcesDir: join(process.env.DATA_DIR ?? 'data', 'english-sources'), publisher: new Publisher(root, live) };
  const astro: Handler = (req, res) => live.build.handler(req, res);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', config.origin);
    const path = url.pathname;
    const method = req.method ?? 'GET';

    // The pages' scripts and styles, built by Astro: the only files of the build served here.
    if (path.startsWith('/_astro/') && (method === 'GET' || method === 'HEAD')) {
      withHeaders(res);
      return astro(req, res);
    }

    // The editor's file reads and writes: publishers only, and only from the staff pages themselves
    // (reads too: the files are not public until published).
    if (isKeystaticApiPath(path)) {
      if (!isSameOrigin(req, config)) return sendJson(res, 403, { error: 'cross-site' });
      const member = await currentMember(req, config, store);
      if (!allowed(keystaticApiAccess, member)) return sendJson(res, member ? 403 : 401, { error: member ? 'forbidden' : 'not-signed-in' });
      return editorFiles(req, res);
    }

    const api = path.startsWith('/staff/api/') ? matchApi(method, path) : undefined;
    const page = matchPage(path);
    if (!api && !page && path !== '/staff/' && path !== '/') return sendJson(res, 404, { error: 'not-found' });

    // Every state change must come from the staff pages themselves, signed in or not.
    if (method !== 'GET' && method !== 'HEAD' && !isSameOrigin(req, config)) return sendJson(res, 403, { error: 'cross-site' });

    const member = await currentMember(req, config, store);

    if (!api) {
      if (method !== 'GET' && method !== 'HEAD') return sendEmpty(res, 405, { Allow: 'GET' });
      if (!page) return sendEmpty(res, 303, { Location: member ? homeFor(member) : '/staff/sign-in/' });
      if (!allowed(page.access, member)) {
        return member ? sendEmpty(res, 403) : sendEmpty(res, 303, { Location: '/staff/sign-in/' });
      }
      withHeaders(res);
      const preview = parsePreviewPath(path);
      if (preview) {
        const dir = publishing.publisher.buildDir(preview.id);
        if (!dir || !sendPreviewFile(dir, preview.page, res)) return sendJson(res, 404, { error: 'not-found' });
        return;
      }
      // Keystatic's UI routes itself in the browser (addresses without a trailing slash, which this
      // site's Astro would redirect): every address under /keystatic is the one editor page.
      if (page.path === '/keystatic') req.url = '/keystatic/';
      return astro(req, res);
    }

    if (!allowed(api.route.access, member)) return sendJson(res, member ? 403 : 401, { error: member ? 'forbidden' : 'not-signed-in' });
    const body = method === 'POST' ? await readBody(req) : {};
    const ctx: StaffContext = { req, res, url, config, store, queue, member, params: api.params, body, publishing };
    await api.route.handle(ctx);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof BodyError) return sendJson(res, error.status, { error: 'bad-request' });
      // Only the error's class: a message could quote something a request held.
      console.error(`staff: ${req.method} ${new URL(req.url ?? '/', config.origin).pathname.replace(/[0-9a-f-]{36}/g, ':id')} failed (${(error as Error)?.name ?? 'Error'})`);
      sendJson(res, 500, { error: 'server-error' });
    });
  });
  server.on('close', () => {
    void store.shutdown();
    void queue.shutdown();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return server;
}

/** A POST's JSON body; an empty one is {}. */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!length && !req.headers['transfer-encoding']) return {};
  return readJson(req);
}
