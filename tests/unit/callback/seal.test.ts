/** Sealing: what the server writes only the case team can open, with age-encryption or the `age` tool. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { armored, newIdentity, seal, unseal } from '../../../src/callback/seal.ts';

const message = JSON.stringify({ phone: '+447700900123', name: 'Canary Sam' });

describe('seal', () => {
  it('seals to each recipient, and each identity opens it alone', async () => {
    const [a, b] = [await newIdentity(), await newIdentity()];
    const sealed = await seal([a.recipient, b.recipient], message);
    expect(await unseal(a.identity, sealed)).toBe(message);
    expect(await unseal(b.identity, sealed)).toBe(message);
    expect(Buffer.from(sealed).includes('Canary')).toBe(false);
  });

  it('refuses an identity the request was not sealed to', async () => {
    const [to, other] = [await newIdentity(), await newIdentity()];
    await expect(unseal(other.identity, await seal([to.recipient], message))).rejects.toThrow();
  });

  it('uses a fresh ephemeral key for every request, so no two sealed copies share a wrap key', async () => {
    const { recipient } = await newIdentity();
    const share = async () => Buffer.from(await seal([recipient], message)).toString('latin1').match(/-> X25519 (\S+)/)![1];
    const shares = new Set(await Promise.all(Array.from({ length: 20 }, share)));
    expect(shares.size).toBe(20);
  });

  it('refuses a recipient that is not an age X25519 key', async () => {
    await expect(seal(['age1notakey'], message)).rejects.toThrow();
    await expect(seal(['AGE-SECRET-KEY-1QQQQ'], message)).rejects.toThrow();
  });

  it('writes files the age command-line tool opens', async () => {
    const { identity, recipient } = await newIdentity();
    const dir = mkdtempSync(join(tmpdir(), 'seal-age-'));
    writeFileSync(join(dir, 'identity.txt'), `${identity}\n`);
    writeFileSync(join(dir, 'sealed.age'), armored(await seal([recipient], message)));
    const age = spawnSync('age', ['-d', '-i', join(dir, 'identity.txt'), join(dir, 'sealed.age')], { encoding: 'utf8' });
    expect(age.status, age.stderr).toBe(0);
    expect(age.stdout).toBe(message);
  });
});
