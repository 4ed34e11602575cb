/** Email through the landlord's own SMTP server (nodemailer): the one line as subject and body. */
import nodemailer from 'nodemailer';
import type { NotifyConfig } from './config.ts';
import type { Sender } from './delivery.ts';

/** A sender for NOTIFY_SMTP_URL, NOTIFY_FROM and NOTIFY_TO. */
export function emailSender({ smtpUrl, from, to }: NonNullable<NotifyConfig['email']>): Sender {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // A mail server that does not answer must not hold a notification past its lease (worker.ts).
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    logger: false,
    debug: false,
  });
  const domain = from.split('@')[1];
  return {
    send: async (n) => {
      await transport.sendMail({
        from,
        to,
        subject: n.text,
        text: `${n.text}\n`,
        // The same Message-ID on every attempt, so a mail client shows a repeat once.
        messageId: `<${n.id}@${domain}>`,
        // No out-of-office replies to an alert.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
