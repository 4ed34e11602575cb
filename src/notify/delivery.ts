/** What a channel is given to deliver, and how a failure is recorded: by class and code, never by message. */
import { errorClassOf } from '../callback/log.ts';
import type { NotificationKind } from '../queue/types.ts';

/** One notification, ready to send: nothing in it comes from the sealed request. */
export interface OutgoingNotification {
  /** The outbox row's id: the same on every attempt, so a receiver can drop a repeat. */
  id: string;
  kind: NotificationKind;
  reference: string;
  dueBy: Date;
  /** The one line of text (message.ts). */
  text: string;
}

/** Sends one notification by one channel; rejects when it was not accepted. */
export interface Sender {
  send: (notification: OutgoingNotification) => Promise<void>;
  close?: () => void;
}

/**
 * "Error:ECONNECTION", "WebhookStatusError:HTTP_503": an error's class and code, for the log and
 * the outbox. Messages are never kept: an SMTP server's reply can quote addresses, and a URL
 * error can quote a password.
 */
export function deliveryErrorClass(error: unknown): string {
  const codeOf = (e: unknown) => {
    const code = (e as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code) ? code : undefined;
  };
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | undefined)?.cause);
  return code ? `${errorClassOf(error)}:${code}` : errorClassOf(error);
}
