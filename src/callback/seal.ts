/**
 * Sealing with age (X25519): the server holds only the case team's public recipients, so what it
 * stores cannot be read on the server. Staff open it with their identity (CLI or the `age` tool).
 */
import { bech32 } from '@scure/base';
import { Decrypter, Encrypter, Stanza, armor, generateX25519Identity, identityToRecipient, type Recipient } from 'age-encryption';
import { createCipheriv, createPublicKey, createSecretKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * An age X25519 recipient (the format at age-encryption.org/v1) computed with node:crypto.
 * age-encryption's own recipient goes through WebCrypto key imports and pure-JS HKDF, about a
 * millisecond of the server's one thread per request; this is the same stanza in a tenth of that.
 * age-encryption still writes the header, its MAC and the payload, and opens what this seals.
 */
class NodeX25519Recipient implements Recipient {
  readonly #raw: Buffer;
  readonly #key: KeyObject;

  constructor(recipient: string) {
    const { prefix, bytes } = bech32.decodeToBytes(recipient);
    if (prefix !== 'age' || bytes.length !== 32) throw new Error('invalid recipient');
    this.#raw = Buffer.from(bytes);
    this.#key = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: this.#raw.toString('base64url') }, format: 'jwk' });
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = generateKeyPairSync('x25519');
    const share = Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: this.#key });
    // Keys go in as KeyObjects: node:crypto tests a plain buffer by throwing, which costs more than the cipher.
    const wrapKey = hkdfSync('sha256', createSecretKey(secret), Buffer.concat([share, this.#raw]), 'age-encryption.org/v1/X25519', 32);
    // A fresh ephemeral key per file makes the wrap key single-use, so age's all-zero nonce is safe.
    const cipher = createCipheriv('chacha20-poly1305', createSecretKey(new Uint8Array(wrapKey)), Buffer.alloc(12), { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new Stanza(['X25519', share.toString('base64').replace(/=+$/, '')], body)];
  }
}

/** Recipients parsed once: "age1…" → its native recipient. */
const parsedRecipients = new Map<string, NodeX25519Recipient>();

/** Seals `plaintext` (text or bytes) to every recipient ("age1…"). */
export async function seal(recipients: readonly string[], plaintext: string | Uint8Array): Promise<Uint8Array> {
  // Sealed to nobody is readable by nobody: never let that be stored as if it were a request.
  if (recipients.length === 0) throw new Error('There is no recipient to seal to.');
  const encrypter = new Encrypter();
  for (const recipient of recipients) {
    let parsed = parsedRecipients.get(recipient);
    if (!parsed) {
      parsed = new NodeX25519Recipient(recipient);
      parsedRecipients.set(recipient, parsed);
    }
    encrypter.addRecipient(parsed);
  }
  return encrypter.encrypt(plaintext);
}

/** Opens a sealed blob with an identity ("AGE-SECRET-KEY-1…"), as text. */
export async function unseal(identity: string, sealed: Uint8Array): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decrypt(sealed, 'text');
}

/** A sealed blob as ASCII armor, which `age -d` also reads. */
export function armored(sealed: Uint8Array): string {
  return armor.encode(sealed);
}

/** A new identity and its public recipient. */
export async function newIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The identity line in an age identity file (which may hold comments). */
export function identityFrom(fileText: string): string {
  const line = fileText.split('\n').find((l) => l.trim() && !l.trim().startsWith('#'));
  if (!line) throw new Error('The identity file holds no key.');
  return line.trim();
}

/** True when `value` is an age X25519 recipient: the right shape, a valid checksum and a 32-byte key. */
export function isRecipient(value: string): boolean {
  if (!/^age1[02-9ac-hj-np-z]{58}$/.test(value)) return false;
  try {
    const { prefix, bytes } = bech32.decodeToBytes(value as `${string}1${string}`);
    return prefix === 'age' && bytes.length === 32;
  } catch {
    return false;
  }
}
