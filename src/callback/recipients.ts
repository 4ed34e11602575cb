/**
 * Who callback requests are sealed to. Production: CALLBACK_RECIPIENTS, one or more "age1…" keys
 * separated by commas, and nothing else will do. Development: a throwaway identity in
 * DATA_DIR/identity.txt, created once, with a loud warning every start.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { identityFrom, isRecipient, newIdentity } from './seal.ts';
import { identityToRecipient } from 'age-encryption';

/**
 * The recipients to seal to. Throws when misconfigured. The server creates the development identity
 * when needed; the staff command line passes `create: false` and only ever uses an existing one.
 */
export async function callbackRecipients(env: NodeJS.ProcessEnv = process.env, { create = true } = {}): Promise<string[]> {
  const configured = env.CALLBACK_RECIPIENTS?.trim();
  if (configured) {
    const recipients = configured.split(',').map((r) => r.trim()).filter(Boolean);
    const bad = recipients.filter((r) => !isRecipient(r));
    if (bad.length > 0) throw new Error(`CALLBACK_RECIPIENTS holds ${bad.length} value(s) that are not age recipients (age1…).`);
    return recipients;
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('CALLBACK_RECIPIENTS is not set. In production the server will not start without the case team\'s age recipients.');
  }
  const path = join(resolve(env.DATA_DIR ?? 'data'), 'identity.txt');
  if (!existsSync(path)) {
    if (!create) throw new Error(`CALLBACK_RECIPIENTS is not set and there is no development identity at ${path}.`);
    const { identity, recipient } = await newIdentity();
    const text = `# DEVELOPMENT ONLY. Created ${new Date().toISOString()}.\n# public key: ${recipient}\n${identity}\n`;
    // "wx": never overwrite a key that requests were already sealed to.
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  }
  console.warn(
    `\n*** WARNING: CALLBACK_RECIPIENTS is not set. Callback requests are sealed to a DEVELOPMENT key in ${path}. ` +
      'Anyone with this file can read them. Never use this in production. ***\n',
  );
  return [await identityToRecipient(identityFrom(readFileSync(path, 'utf8')))];
}
