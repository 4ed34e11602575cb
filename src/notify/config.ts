/**
 * Where notifications go, from the environment: email through SMTP (NOTIFY_SMTP_URL, NOTIFY_FROM,
 * NOTIFY_TO) and/or a signed webhook (NOTIFY_WEBHOOK_URL, NOTIFY_WEBHOOK_SECRET). Checked when the
 * server starts, with messages that name the variable and never quote a value that may hold a
 * password or the secret. Neither set: notifications are off and no outbox rows are written.
 */
import type { NotificationChannel } from '../queue/types.ts';

/** The checked notification settings. */
export interface NotifyConfig {
  /** The configured channels; an outbox row is written for each, and only for these. */
  channels: NotificationChannel[];
  email?: { smtpUrl: string; from: string; to: string[] };
  webhook?: { url: string; secret: string };
}

/** The shortest webhook secret accepted: 32 characters, as `openssl rand -hex 32` gives 64. */
const minimumSecretLength = 32;

const emailAddress = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

const value = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined;

function emailSettings(env: NodeJS.ProcessEnv): NotifyConfig['email'] {
  const smtpUrl = value(env, 'NOTIFY_SMTP_URL');
  const from = value(env, 'NOTIFY_FROM');
  const to = value(env, 'NOTIFY_TO');
  if (!smtpUrl) {
    const stray = from ? 'NOTIFY_FROM' : to ? 'NOTIFY_TO' : undefined;
    if (stray) throw new Error(`${stray} is set but NOTIFY_SMTP_URL is not: set NOTIFY_SMTP_URL to send notifications by email, or remove ${stray}.`);
    return undefined;
  }
  let protocol: string | undefined;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    // Never quote it: it may hold the mail account's password.
    throw new Error('NOTIFY_SMTP_URL must be an smtp:// or smtps:// address, such as smtps://user:password@mail.example.org:465 (its value is not shown here, as it may hold a password).');
  }
  if (!from || !to) throw new Error(`NOTIFY_SMTP_URL is set, so NOTIFY_FROM and NOTIFY_TO must be set too: ${!from ? 'NOTIFY_FROM' : 'NOTIFY_TO'} is missing.`);
  if (!emailAddress.test(from)) throw new Error('NOTIFY_FROM must be one email address, such as alerts@example.org.');
  const entries = to.split(',').map((address) => address.trim());
  const problems = entries.flatMap((address, i) => (emailAddress.test(address) ? [] : [`entry ${i + 1} of ${entries.length} is not an email address`]));
  if (problems.length > 0) throw new Error(`NOTIFY_TO is wrong: ${problems.join('; ')}. Give the case team's addresses, separated by commas.`);
  return { smtpUrl, from, to: entries };
}

function webhookSettings(env: NodeJS.ProcessEnv): NotifyConfig['webhook'] {
  const url = value(env, 'NOTIFY_WEBHOOK_URL');
  const secret = value(env, 'NOTIFY_WEBHOOK_SECRET');
  if (!url) {
    if (secret) throw new Error('NOTIFY_WEBHOOK_SECRET is set but NOTIFY_WEBHOOK_URL is not: set NOTIFY_WEBHOOK_URL, or remove the secret.');
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // A reference and a due time are not personal, but who asks for help and when should not cross
  // a network in the clear: plain http only to a relay on this machine.
  if (!parsed || !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopbackHosts.test(parsed.hostname)))) {
    throw new Error('NOTIFY_WEBHOOK_URL must be an https:// address (or http:// to this machine only, such as a relay on 127.0.0.1).');
  }
  if (!secret) throw new Error('NOTIFY_WEBHOOK_URL is set, so NOTIFY_WEBHOOK_SECRET must be set too: the receiver checks each message\'s signature with it.');
  if (secret.length < minimumSecretLength) {
    throw new Error(`NOTIFY_WEBHOOK_SECRET is too short: use at least ${minimumSecretLength} characters, for example the output of "openssl rand -hex 32".`);
  }
  return { url, secret };
}

/** The notification settings in `env`, checked. Throws a plain message naming the variable that is wrong. */
export function notifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const email = emailSettings(env);
  const webhook = webhookSettings(env);
  return {
    channels: [...(email ? (['email'] as const) : []), ...(webhook ? (['webhook'] as const) : [])],
    ...(email ? { email } : {}),
    ...(webhook ? { webhook } : {}),
  };
}
