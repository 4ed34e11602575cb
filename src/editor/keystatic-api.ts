/**
 * Keystatic's file API (tree, blob, update) for the editor, answered by the staff listener only,
 * after listener.ts has checked the session, the publisher role and that the request is same-origin.
 * Keystatic's UI calls it at /api/keystatic/…; its own Astro integration would have put that route
 * on the public site too, with no sign-in, which is why it is mounted here instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import keystaticConfig from './keystatic-config.ts';
import { BodyError } from '../staff/http.ts';
import { securityHeaders } from '../server/security-headers.ts';

/** The largest save the editor sends: a page with its translation, base64-encoded, is far below this. */
const saveLimit = 2 * 1024 * 1024;

/** Whether a path is one of Keystatic's API addresses. */
export function isKeystaticApiPath(path: string): boolean {
  return path === '/api/keystatic' || path.startsWith('/api/keystatic/');
}

/** Answers one Keystatic API request; files are read and written under `root` (the site's folder). */
export function keystaticApi(root: string, origin: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const handle = makeGenericAPIRouteHandler({ config: keystaticConfig, localBaseDirectory: root });
  return async (req, res) => {
    const body = req.method === 'POST' ? await readCapped(req) : Buffer.alloc(0);
    const answer = await handle({
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', origin).href,
      headers: { get: (name) => headerValue(req, name) },
      json: async () => JSON.parse(body.toString('utf8')) as unknown,
    });
    const headers = new Headers(answer.headers);
    res.writeHead(answer.status ?? 200, { ...Object.fromEntries(headers), ...securityHeaders });
    res.end(answer.body ?? undefined);
  };
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

async function readCapped(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > saveLimit) throw new BodyError(413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
