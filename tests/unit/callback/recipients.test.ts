/** CALLBACK_RECIPIENTS: only a list of distinct, well-formed age public keys is ever sealed to. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callbackRecipients, parseRecipients } from '../../../src/callback/recipients.ts';
import { newIdentity, seal } from '../../../src/callback/seal.ts';

const { recipient: alice, identity: aliceSecret } = await newIdentity();
const { recipient: bob } = await newIdentity();
/** Alice's key with its last letter changed: the right shape, a wrong checksum. */
const typo = alice.slice(0, -1) + (alice.endsWith('q') ? 'p' : 'q');

describe('CALLBACK_RECIPIENTS', () => {
  it('accepts one or more distinct keys, spaces allowed around commas', () => {
    expect(parseRecipients(alice)).toEqual([alice]);
    expect(parseRecipients(` ${alice} , ${bob} `)).toEqual([alice, bob]);
  });

  it.each([',', ' ', ' , ', ',,,'])('refuses %j, which holds no key, in every NODE_ENV', async (value) => {
    expect(() => parseRecipients(value)).toThrow(/holds no key/);
    for (const NODE_ENV of ['production', 'development', undefined]) {
      await expect(callbackRecipients({ CALLBACK_RECIPIENTS: value, NODE_ENV, DATA_DIR: mkdtempSync(join(tmpdir(), 'recipients-')) })).rejects.toThrow(
        /holds no key/,
      );
    }
  });

  it('refuses a key given twice, naming the entries', () => {
    expect(() => parseRecipients(`${alice},${bob},${alice}`)).toThrow(/entry 3 of 3 repeats entry 1/);
  });

  it('refuses a malformed key (bad checksum, cut short, not a key), naming it by position only', () => {
    expect(() => parseRecipients(`${alice},${typo}`)).toThrow(/entry 2 of 2 is not an age public key/);
    expect(() => parseRecipients(alice.slice(0, 40))).toThrow(/entry 1 of 1 is not an age public key/);
    const pasted = `${bob},${aliceSecret}`;
    let message = '';
    try {
      parseRecipients(pasted);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/entry 2 of 2 is a private key/);
    // The message goes to logs: it must never repeat the secret.
    expect(message).not.toContain(aliceSecret.slice(16));
  });

  it('refuses an empty entry between keys rather than guess what was meant', () => {
    expect(() => parseRecipients(`${alice},,${bob}`)).toThrow(/empty entry/);
  });

  it('an empty value still means unset: the development key outside production, a refusal in it', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'recipients-'));
    expect(await callbackRecipients({ CALLBACK_RECIPIENTS: '', DATA_DIR })).toHaveLength(1);
    await expect(callbackRecipients({ CALLBACK_RECIPIENTS: '', NODE_ENV: 'production', DATA_DIR })).rejects.toThrow(/is not set/);
  });

  it('seal refuses to seal to nobody', async () => {
    await expect(seal([], 'hello')).rejects.toThrow(/no recipient/);
  });
});
