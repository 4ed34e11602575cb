/**
 * A webhook for a Teams or Slack relay or a case management system: a JSON POST signed with
 * HMAC-SHA256. The signature covers the timestamp and the body ("<timestamp>.<body>"), so a
 * receiver that refuses old timestamps also refuses a recorded message sent again.
 */
import { createHmac } from 'node:crypto';
import type { NotifyConfig } from './config.ts';
import type { OutgoingNotification, Sender } from './delivery.ts';

/** Header with the time of sending, in whole seconds since 1970 (UTC). */
const timestampHeader = 'X-Safe-Home-Timestamp';
/** Header with "sha256=" and the hex HMAC-SHA256 of "<timestamp>.<body>" under NOTIFY_WEBHOOK_SECRET. */
const signatureHeader = 'X-Safe-Home-Signature';

/** A receiver answered with something other than 2xx. */
class WebhookStatusError extends Error {
  readonly code: string;
  constructor(status: number) {
    super(`The webhook answered ${status}.`);
    this.name = 'WebhookStatusError';
    this.code = `HTTP_${status}`;
  }
}

/** The JSON body: the same one line as the email, and its parts for a program. */
function webhookBody(n: OutgoingNotification): string {
  return JSON.stringify({ id: n.id, kind: n.kind, reference: n.reference, dueBy: n.dueBy.toISOString(), text: n.text });
}

/** The signature header's value for a body sent at `timestamp`. */
function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A sender for NOTIFY_WEBHOOK_URL, signing with NOTIFY_WEBHOOK_SECRET. */
export function webhookSender({ url, secret }: NonNullable<NotifyConfig['webhook']>): Sender {
  return {
    send: async (n) => {
      const body = webhookBody(n);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [timestampHeader]: timestamp, [signatureHeader]: webhookSignature(secret, timestamp, body) },
        body,
        // A redirect could carry the message somewhere nobody chose.
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new WebhookStatusError(response.status);
    },
  };
}
