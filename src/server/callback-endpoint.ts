/**
 * POST /api/callback, the island's JSON requests, answered by Node's own http module ahead of
 * Astro. Astro's pipeline (static-file lookup, routing, web streams, middleware) cost more per
 * request than the intake's own checks, sealing and storage together, and a JSON answer needs
 * none of it. astro.config.mjs builds this file as an entry of the server bundle, so it shares the
 * form's intake: one queue connection and one rate limiter for both ways of asking.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { serverIntake } from '../callback/server-intake.ts';
import { errorClassOf, logRequest } from '../callback/log.ts';
import { jsonAnswer } from '../callback/responses.ts';
import { defaultLocale, isLocaleCode } from '../i18n/locales.ts';
import { translatorFor } from '../i18n/translate.ts';
import { clientAddress, serverTrustedProxies } from './client-address.ts';

/**
 * Reads at most `limit` bytes of the body, whatever Content-Length claims; undefined when larger.
 * Past the limit it stops reading altogether: the answer then closes the connection, so the
 * rest is never read (draining it would let one client keep the server busy for as long as it likes).
 */
function readLimited(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Answers a request whose body was left unread (too big, or refused before reading) with
 * Connection: close, and ends the connection soon after. Not at once: closing
 * a socket with unread data resets it, and the client would lose the answer with it. So, as nginx
 * does, the server half-closes, discards at most 64 KiB or 2 s more of the body, then closes.
 */
function answerAndClose(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const socket = req.socket;
  // Node destroys a Connection: close socket as soon as the answer is written; end it (a FIN) instead.
  socket.destroySoon = () => socket.end();
  res.writeHead(status, { ...headers, Connection: 'close' });
  res.end(body, () => {
    let discarded = 0;
    const close = () => socket.destroy();
    setTimeout(close, 2_000).unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > 64 * 1024) close();
    });
    req.resume();
  });
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}


/**
 * Answers one request to /api/callback, whatever its method (the intake answers 405 to all but
 * POST). Never rejects: the intake answers every failure itself, and anything that escapes it is a
 * bare 500, logged through the same allow-list.
 */
export async function handleCallbackApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  try {
    // The island says which language to answer in; the address carries none.
    const asked = header(req, 'content-language') ?? undefined;
    const lang = isLocaleCode(asked) ? asked : defaultLocale;
    const protocol = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const outcome = await serverIntake.handle({
      method: req.method ?? 'GET',
      header: (name) => header(req, name),
      origin: `${protocol}://${req.headers.host ?? ''}`,
      readBody: (limit) => readLimited(req, limit),
      clientAddress: clientAddress(req.socket.remoteAddress, header(req, 'x-forwarded-for') ?? undefined, serverTrustedProxies),
      lang,
      route: '/api/callback',
    });
    const answer = jsonAnswer(outcome, translatorFor(lang));
    if (req.complete) {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } else {
      // A body left unread (too big, or refused before reading) is never drained.
      answerAndClose(req, res, answer.status, answer.headers, answer.body);
    }
  } catch (error) {
    logRequest({ route: '/api/callback', status: 500, durationMs: performance.now() - started, errorClass: errorClassOf(error) });
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}
