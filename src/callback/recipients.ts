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
 * The age recipients in a CALLBACK_RECIPIENTS value, checked. Throws a message naming each problem
 * by position (never quoting a value, in case a private key was pasted by mistake): a value that
 * holds no key at all (",", spaces), an entry that is not an age recipient, or a key given twice.
 */
export function parseRecipients(value: string): string[] {
  const entries = value.split(',').map((r) => r.trim());
  const recipients = entries.filter(Boolean);
  if (recipients.length === 0) {
    throw new Error('CALLBACK_RECIPIENTS is set but holds no key. Give the case team\'s age public keys (age1…), separated by commas.');
  }
  const problems: string[] = [];
  recipients.forEach((recipient, i) => {
    const position = `entry ${i + 1} of ${recipients.length}`;
    if (/^AGE-SECRET-KEY-/i.test(recipient)) problems.push(`${position} is a private key (AGE-SECRET-KEY-…): never give the server a private key; remove it and replace it now`);
    else if (!isRecipient(recipient)) problems.push(`${position} is not an age public key (age1… with 58 more letters and a valid checksum)`);
    else if (recipients.indexOf(recipient) < i) problems.push(`${position} repeats entry ${recipients.indexOf(recipient) + 1}`);
  });
  if (entries.length !== recipients.length) problems.push('there is an empty entry (two commas together, or a comma at either end)');
  if (problems.length > 0) throw new Error(`CALLBACK_RECIPIENTS is wrong: ${problems.join('; ')}.`);
  return recipients;
}

/**
 * The recipients to seal to. Throws when misconfigured. The server creates the development identity
 * when needed; the staff command line passes `create: false` and only ever uses an existing one.
 * An empty CALLBACK_RECIPIENTS counts as unset; any other value must parse (parseRecipients).
 */
export async function callbackRecipients(env: NodeJS.ProcessEnv = process.env, { create = true } = {}): Promise<string[]> {
  if (env.CALLBACK_RECIPIENTS) return parseRecipients(env.CALLBACK_RECIPIENTS);
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
