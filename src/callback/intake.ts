/**
 * The one handler behind both ways of asking for a callback: POST /<lang>/callback/ (the plain
 * form) and POST /api/callback (the island's JSON). Checks run in a fixed order, cheapest and
 * least trusting first; nothing is stored until the request has passed them all, and nothing is
 * reported as stored unless the queue said so. Its first checks (readSubmission), its log line
 * (loggedOutcome) and its queue opening (openOnFirstUse) are the feedback survey's too
 * (src/feedback/intake.ts), so both forms are checked by the same code.
 */
import { createHash, createHmac } from 'node:crypto';
import { withinDeadline } from '../queue/deadline.ts';
import { accessNeedFlags, type AccessNeedFlag, type CaseQueue, type NotificationChannel } from '../queue/types.ts';
import { plannedNotifications } from '../notify/plan.ts';
import { errorClassOf, logRequest } from './log.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { newReference } from './reference.ts';
import { callbackFields, callbackSchema, fieldErrors, multiValueFields, type CallbackErrorKey, type CallbackField, type CallbackRequest } from './schema.ts';
import { seal } from './seal.ts';
import { checkSafeTimes, type CallbackHours, type SafeTimeWindow } from './slots.ts';
import { firstContactDue, type BankHolidayRegion } from './working-days.ts';

/** Bodies above this are refused unread. */
export const maxBodyBytes = 16 * 1024;

/** What the handler needs from outside; the server builds one with the real queue, tests their own. */
export interface IntakeDependencies {
  openQueue: () => Promise<CaseQueue>;
  recipients: () => Promise<string[]>;
  firstContactWorkingDays: number;
  region: BankHolidayRegion;
  /** The organisation's callback hours: a request may name only the safe times they offer now. */
  callbackHours: CallbackHours;
  /** null turns rate limiting off (CALLBACK_RATE_LIMIT=off, for benchmarks only). */
  rateLimit: RateLimitOptions | null;
  /** Seals a request to the recipients; seal.ts in this thread unless the server gives its worker pool (seal-pool.ts). */
  seal?: (recipients: readonly string[], plaintext: string) => Promise<Uint8Array>;
  /** The configured notification channels (src/notify/config.ts); the outbox rows go in with each request. None: no rows. */
  notificationChannels?: readonly NotificationChannel[];
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
  /** The body's bytes, reading no more than `limit` whatever Content-Length claims; undefined when larger. */
  readBody: (limit: number) => Promise<Uint8Array | undefined>;
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
  /** The submission token was already used for a different request: nothing stored; values come back without the token, so the form gets a fresh one. */
  | { status: 409; values: Record<string, unknown> }
  | { status: 429; retryAfterSeconds: number }
  | { status: 503; values: Record<string, unknown> };

const acceptedTypes = new Set(['application/x-www-form-urlencoded', 'application/json']);

/** Which fields a form has, and which of them hold several values (checkbox groups). */
export interface FormFields {
  fields: readonly string[];
  multiValueFields: readonly string[];
}

/** The form body as an object, checkbox groups as arrays, and the single-value fields sent more than once. */
function formValues(body: string, form: FormFields): { values: Record<string, unknown>; repeated: string[] } {
  const params = new URLSearchParams(body);
  const values: Record<string, unknown> = {};
  const repeated: string[] = [];
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    const multiValue = form.multiValueFields.includes(key);
    values[key] = multiValue ? all : all[0];
    // consent=yes&consent=no: which one the person meant is a guess, so the form comes back instead.
    if (!multiValue && all.length > 1 && form.fields.includes(key)) repeated.push(key);
  }
  for (const key of form.multiValueFields) values[key] ??= [];
  return { values, repeated };
}

/** The media type and charset of a Content-Type header, lower-cased; charset undefined when not given. */
function mediaType(header: string | null): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = (header ?? '').split(';');
  const charset = parameters
    .map((p) => p.trim().split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  return { type: type.trim().toLowerCase(), charset };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, or undefined when it is not well-formed UTF-8 (a form's percent-escapes
 * included): a replacement character silently put in place of what was typed would change a
 * number or a name, so such a body is refused rather than mangled.
 */
function utf8Text(bytes: Uint8Array, form: boolean): string | undefined {
  try {
    const text = strictUtf8.decode(bytes);
    // A "%" that starts no escape is kept as it is, as URLSearchParams does; "%E9" alone is Latin-1.
    if (form) for (const part of text.split('&')) decodeURIComponent(part.replace(/%(?![0-9a-f]{2})/gi, '%25'));
    return text;
  } catch {
    return undefined;
  }
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

/**
 * The access needs a checked request asked for, as the coarse flags stored unsealed for the monthly
 * report. Only whether each was asked for: the language wanted, the interpreter's gender and
 * everything typed stay sealed.
 */
function accessNeedsOf(request: CallbackRequest): AccessNeedFlag[] {
  return accessNeedFlags.filter((flag) => (flag === 'interpreter' ? request.interpreter === 'yes' : request.access.includes(flag)));
}

/** A request refused before its body was read as values. */
export type TransportRefusal = { status: 403 | 405 | 413 | 415 };

/**
 * The checks every form's intake runs first, cheapest and least trusting first: method, origin,
 * type and charset, size, well-formed UTF-8. Then the body as values (JSON or a form), with the
 * single-value fields a form sent more than once. The form's own schema comes after.
 */
export async function readSubmission(
  request: IntakeRequest,
  form: FormFields,
  extraOrigins: string[],
): Promise<TransportRefusal | { status: 'read'; values: Record<string, unknown>; repeated: string[] }> {
  if (request.method !== 'POST') return { status: 405 };
  if (isCrossSite(request, extraOrigins)) return { status: 403 };
  const { type, charset } = mediaType(request.header('content-type'));
  if (!acceptedTypes.has(type) || (charset !== undefined && charset !== 'utf-8')) return { status: 415 };
  const bytes = await request.readBody(maxBodyBytes);
  if (bytes === undefined) return { status: 413 };
  const body = utf8Text(bytes, type !== 'application/json');
  if (body === undefined) return { status: 415 };
  if (type !== 'application/json') return { status: 'read', ...formValues(body, form) };
  try {
    const parsed: unknown = JSON.parse(body);
    return { status: 'read', values: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}, repeated: [] };
  } catch {
    return { status: 'read', values: {}, repeated: [] };
  }
}

/**
 * Runs `decide` and logs one allow-listed line for it. Anything that escapes `decide` is a 503
 * (never a success), so a form never claims to have stored what it did not.
 */
export async function loggedOutcome<O extends { status: number }>(
  route: string,
  decide: () => Promise<O & { errorClass?: string }>,
): Promise<O | { status: 503; values: Record<string, unknown> }> {
  const started = performance.now();
  const { errorClass, ...outcome } = await decide().catch((error: unknown) => ({
    status: 503 as const,
    values: {},
    errorClass: errorClassOf(error),
  }));
  const reference = 'reference' in outcome && typeof outcome.reference === 'string' ? outcome.reference : undefined;
  logRequest({ route, status: outcome.status, durationMs: performance.now() - started, reference, errorClass });
  return outcome as O | { status: 503; values: Record<string, unknown> };
}

/** `open`, called on first use and kept; a queue that could not be opened (a database still starting, say) is tried again next time. */
export function openOnFirstUse(open: () => Promise<CaseQueue>): () => Promise<CaseQueue> {
  let queue: Promise<CaseQueue> | undefined;
  return () =>
    (queue ??= open().catch((error: unknown) => {
      queue = undefined;
      throw error;
    }));
}

/** Builds the handler. The queue is opened on first use and kept. */
export function createIntake(deps: IntakeDependencies) {
  const limiter = deps.rateLimit ? createRateLimiter(deps.rateLimit) : null;
  const now = deps.now ?? (() => new Date());
  const sealRequest = deps.seal ?? seal;
  const queue = openOnFirstUse(deps.openQueue);
  const extraOrigins = deps.extraOrigins ?? [];

  async function store(values: CallbackRequest, windows: readonly SafeTimeWindow[], lang: string): Promise<{ reference: string; dueBy: Date } | 'conflict'> {
    const opened = await queue();
    const recipients = await deps.recipients();
    const createdAt = now();
    const due = firstContactDue(createdAt, windows, deps.firstContactWorkingDays, deps.region);
    const notifications = plannedNotifications(createdAt, due, deps.notificationChannels ?? [], deps.callbackHours, deps.region);
    const { submissionToken, ...request } = values;
    const submissionKey = createHash('sha256').update(submissionToken).digest('base64url');
    // Keyed by the token, so the stored digest cannot be used to guess what was sent.
    const requestDigest = createHmac('sha256', submissionToken).update(JSON.stringify(request)).digest('base64url');
    // A reference clash is astronomically rare; try a fresh one rather than fail the survivor.
    for (let attempt = 1; ; attempt += 1) {
      const reference = newReference();
      const sealed = await sealRequest(
        recipients,
        JSON.stringify({ reference, lang, createdAt: createdAt.toISOString(), dueBy: due.toISOString(), request }),
      );
      try {
        const result = await opened.enqueue({ reference, submissionKey, requestDigest, lang, createdAt, dueBy: due, accessNeeds: accessNeedsOf(values), sealed, notifications });
        if (result.conflict) return 'conflict';
        return { reference: result.reference, dueBy: due };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  async function decide(request: IntakeRequest): Promise<IntakeOutcome & { errorClass?: string }> {
    const { clientAddress, lang } = request;
    const read = await readSubmission(request, { fields: callbackFields, multiValueFields }, extraOrigins);
    if (read.status !== 'read') return read;
    const { values, repeated } = read;
    if (repeated.length > 0) return { status: 400, errors: Object.fromEntries(repeated.map((field) => [field as CallbackField, 'callbackForm.errorChoice' as const])), values };
    const checked = callbackSchema.safeParse(values);
    if (!checked.success) return { status: 400, errors: fieldErrors(checked.error), values };
    const times = checkSafeTimes(checked.data.safeTime, now(), deps.callbackHours, deps.region);
    if (!times.ok) return { status: 400, errors: { safeTime: times.error }, values };
    // Only requests that passed every check spend the client's budget: a flood of junk from
    // other addresses, or from this one, can never use up what a real request needs.
    if (limiter) {
      const decision = limiter.check(clientAddress);
      if (!decision.allowed) return { status: 429, retryAfterSeconds: decision.retryAfterSeconds };
    }
    try {
      // Stored as accepted: each window once, earliest first.
      const stored = await withinDeadline(store({ ...checked.data, safeTime: times.windows.map((w) => w.value) }, times.windows, lang));
      if (stored === 'conflict') {
        const { submissionToken: _, ...typed } = values;
        return { status: 409, values: typed };
      }
      return { status: 201, ...stored };
    } catch (error) {
      return { status: 503, values, errorClass: errorClassOf(error) };
    }
  }

  return {
    /** Runs every check in order and, if all pass, seals and enqueues the request. Logs one allow-listed line. */
    handle(input: IntakeRequest): Promise<IntakeOutcome> {
      return loggedOutcome<IntakeOutcome>(input.route, () => decide(input));
    },
  };
}
