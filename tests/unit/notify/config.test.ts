import { describe, expect, it } from 'vitest';
import { notifyConfig } from '../../../src/notify/config.ts';

const email = { NOTIFY_SMTP_URL: 'smtps://notify:pass@mail.example.org:465', NOTIFY_FROM: 'alerts@example.org', NOTIFY_TO: 'team@example.org, duty@example.org' };
const webhook = { NOTIFY_WEBHOOK_URL: 'https://relay.example.org/hook', NOTIFY_WEBHOOK_SECRET: 'a'.repeat(32) };

describe('notification settings', () => {
  it('nothing set: notifications off, no channels, so no outbox rows', () => {
    expect(notifyConfig({})).toEqual({ channels: [] });
    expect(notifyConfig({ NOTIFY_SMTP_URL: ' ', NOTIFY_WEBHOOK_URL: '' })).toEqual({ channels: [] });
  });

  it('email, webhook or both', () => {
    expect(notifyConfig(email)).toEqual({
      channels: ['email'],
      email: { smtpUrl: email.NOTIFY_SMTP_URL, from: 'alerts@example.org', to: ['team@example.org', 'duty@example.org'] },
    });
    expect(notifyConfig(webhook)).toEqual({ channels: ['webhook'], webhook: { url: webhook.NOTIFY_WEBHOOK_URL, secret: webhook.NOTIFY_WEBHOOK_SECRET } });
    expect(notifyConfig({ ...email, ...webhook }).channels).toEqual(['email', 'webhook']);
    // A relay on this machine may take plain http.
    expect(notifyConfig({ ...webhook, NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:8080/hook' }).channels).toEqual(['webhook']);
  });

  it.each([
    [{ NOTIFY_TO: 'team@example.org' }, 'NOTIFY_TO is set but NOTIFY_SMTP_URL is not'],
    [{ NOTIFY_FROM: 'alerts@example.org' }, 'NOTIFY_FROM is set but NOTIFY_SMTP_URL is not'],
    [{ ...email, NOTIFY_SMTP_URL: 'mail.example.org' }, 'NOTIFY_SMTP_URL must be an smtp:// or smtps:// address'],
    [{ ...email, NOTIFY_FROM: '' }, 'NOTIFY_FROM is missing'],
    [{ ...email, NOTIFY_FROM: 'Alerts' }, 'NOTIFY_FROM must be one email address'],
    [{ ...email, NOTIFY_TO: 'team@example.org,,duty' }, 'NOTIFY_TO is wrong: entry 2 of 3 is not an email address; entry 3 of 3 is not an email address'],
    [{ NOTIFY_WEBHOOK_SECRET: 'a'.repeat(32) }, 'NOTIFY_WEBHOOK_SECRET is set but NOTIFY_WEBHOOK_URL is not'],
    [{ ...webhook, NOTIFY_WEBHOOK_URL: 'http://relay.example.org/hook' }, 'NOTIFY_WEBHOOK_URL must be an https:// address'],
    [{ ...webhook, NOTIFY_WEBHOOK_URL: 'ftp://relay' }, 'NOTIFY_WEBHOOK_URL must be an https:// address'],
    [{ ...webhook, NOTIFY_WEBHOOK_SECRET: '' }, 'NOTIFY_WEBHOOK_SECRET must be set too'],
    [{ ...webhook, NOTIFY_WEBHOOK_SECRET: 'short' }, 'NOTIFY_WEBHOOK_SECRET is too short'],
  ])('refuses %o', (env, message) => {
    expect(() => notifyConfig(env)).toThrow(message);
  });

  it('never quotes the SMTP password or the webhook secret', () => {
    const messages = [
      { ...email, NOTIFY_SMTP_URL: 'http://notify:Canary-Password@mail.example.org' },
      { ...webhook, NOTIFY_WEBHOOK_SECRET: 'Canary-Secret' },
    ].map((env) => {
      try {
        notifyConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(messages.every(Boolean)).toBe(true);
    expect(messages.join(' ')).not.toMatch(/Canary/);
  });
});
