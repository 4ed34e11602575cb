/**
 * The one handler behind both ways of asking for a callback: POST /<lang>/callback/ (the plain
 * form) and POST /api/callback (the island's JSON). Checks run in a fixed order, cheapest and
 * least trusting first; nothing is stored until the request has passed them all, and nothing is
 * reported as stored unless the queue said so.
 */
import { createHash } from 'node:crypto';
import { withinDeadline } from '../queue/deadline.ts';
import type { CaseQueue } from '../queue/types.ts';
import { errorClassOf, logRequest } from './log.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { newReference } from './reference.ts';
import { callbackSchema, fieldErrors, multiValueFields, type CallbackErrorKey, type CallbackField, type CallbackRequest } from './schema.ts';
import { seal } from './seal.ts';
import { dueBy, type BankHolidayRegion } from './working-days.ts';

/** Bodies above this are refused unread. */
export const maxBodyBytes = 16 * 1024;

/** What the handler needs from outside; the server builds one with the real queue, tests their own. */
export interface IntakeDependencies {
  openQueue: () => Promise<CaseQueue>;
  recipients: () => Promise<string[]>;
  firstContactWorkingDays: number;
  region: BankHolidayRegion;
  /** null turns rate limiting off (CALLBACK_RATE_LIMIT=off, for benchmarks only). */
  rateLimit: RateLimitOptions | null;
  /** Seals a request to the recipients; seal.ts in this thread unless the server gives its worker pool (seal-pool.ts). */
  seal?: (recipients: readonly string[], plaintext: string) => Promise<Uint8Array>;
  /** Origins besides the request's own that may post (SITE_URL behind a proxy). */
  extraOrigins?: string[];
  now?: () => Date;
}

/**
 * One request as the handler sees it, whichever server received it: Astro's web Request for the
 * form (src/callback/web-request.ts), or Node's own for the JSON endpoint (src/server/callback-endpoint.ts).
 */
export interface IntakeRequest {
  method: string;
  /** A request header by lower-case name, or null. */
  header: (name: string) => string | null;
  /** The origin the request was addressed to, such as "http://localhost:4321". */
  origin: string;
  /** The body as text, reading no more than `limit` bytes whatever Content-Length claims; undefined when larger. */
  readBody: (limit: number) => Promise<string | undefined>;
  clientAddress: string;
  lang: string;
  /** For the log line only: "/api/callback" or "/[lang]/callback/". */
  route: string;
}

/** What happened; the route turns it into a response (JSON, a redirect or the re-rendered form). */
export type IntakeOutcome =
  | { status: 201; reference: string; dueBy: Date }
  | { status: 400; errors: Partial<Record<CallbackField, CallbackErrorKey>>; values: Record<string, unknown> }
  | { status: 403 | 405 | 413 | 415 }
  | { status: 429; retryAfterSeconds: number }
  | { status: 503; values: Record<string, unknown> };

const acceptedTypes = new Set(['application/x-www-form-urlencoded', 'application/json']);

/** The form body as an object, checkbox groups as arrays. */
function formValues(body: string): Record<string, unknown> {
  const params = new URLSearchParams(body);
  const values: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    values[key] = (multiValueFields as readonly string[]).includes(key) ? params.getAll(key) : params.get(key);
  }
  for (const key of multiValueFields) values[key] ??= [];
  return values;
}

/**
 * True when the browser says the request came from another site. With Referrer-Policy no-referrer
 * a same-origin form post carries "Origin: null", so Sec-Fetch-Site is asked first.
 */
function isCrossSite(request: IntakeRequest, extraOrigins: string[]): boolean {
  const fetchSite = request.header('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.header('origin');
  if (!origin || origin === 'null') return false;
  return origin !== request.origin && !extraOrigins.includes(origin);
}

/** Builds the handler. The queue is opened on first use and kept. */
export function createIntake(deps: IntakeDependencies) {
  const limiter = deps.rateLimit ? createRateLimiter(deps.rateLimit) : null;
  const now = deps.now ?? (() => new Date());
  const sealRequest = deps.seal ?? seal;
  let queue: Promise<CaseQueue> | undefined;
  const extraOrigins = deps.extraOrigins ?? [];

  async function store(values: CallbackRequest, lang: string): Promise<{ reference: string; dueBy: Date }> {
    // A queue that could not be opened (a database still starting, say) is tried again next time.
    queue ??= deps.openQueue().catch((error: unknown) => {
      queue = undefined;
      throw error;
    });
    const opened = await queue;
    const recipients = await deps.recipients();
    const createdAt = now();
    const due = dueBy(createdAt, deps.firstContactWorkingDays, deps.region);
    const { submissionToken, ...request } = values;
    const submissionKey = createHash('sha256').update(submissionToken).digest('base64url');
    // A reference clash is astronomically rare; try a fresh one rather than fail the survivor.
    for (let attempt = 1; ; attempt += 1) {
      const reference = newReference();
      const sealed = await sealRequest(
        recipients,
        JSON.stringify({ reference, lang, createdAt: createdAt.toISOString(), dueBy: due.toISOString(), request }),
      );
      try {
        const result = await opened.enqueue({ reference, submissionKey, lang, createdAt, dueBy: due, sealed });
        return { reference: result.reference, dueBy: due };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  async function decide(request: IntakeRequest): Promise<IntakeOutcome & { errorClass?: string }> {
    const { clientAddress, lang } = request;
    if (request.method !== 'POST') return { status: 405 };
    if (isCrossSite(request, extraOrigins)) return { status: 403 };
    const type = (request.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!acceptedTypes.has(type)) return { status: 415 };
    const body = await request.readBody(maxBodyBytes);
    if (body === undefined) return { status: 413 };
    if (limiter) {
      const decision = limiter.check(clientAddress);
      if (!decision.allowed) return { status: 429, retryAfterSeconds: decision.retryAfterSeconds };
    }
    let values: Record<string, unknown>;
    if (type === 'application/json') {
      try {
        const parsed: unknown = JSON.parse(body);
        values = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      } catch {
        values = {};
      }
    } else {
      values = formValues(body);
    }
    const checked = callbackSchema.safeParse(values);
    if (!checked.success) return { status: 400, errors: fieldErrors(checked.error), values };
    try {
      const stored = await withinDeadline(store(checked.data, lang));
      return { status: 201, ...stored };
    } catch (error) {
      return { status: 503, values, errorClass: errorClassOf(error) };
    }
  }

  return {
    /** Runs every check in order and, if all pass, seals and enqueues the request. Logs one allow-listed line. */
    async handle(input: IntakeRequest): Promise<IntakeOutcome> {
      const started = performance.now();
      const { errorClass, ...outcome } = await decide(input).catch((error: unknown) => ({
        status: 503 as const,
        values: {},
        errorClass: errorClassOf(error),
      }));
      logRequest({
        route: input.route,
        status: outcome.status,
        durationMs: performance.now() - started,
        reference: outcome.status === 201 ? outcome.reference : undefined,
        errorClass,
      });
      return outcome;
    },
  };
}
