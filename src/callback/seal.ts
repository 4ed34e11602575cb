/**
 * Sealing with age (X25519): the server holds only the case team's public recipients, so what it
 * stores cannot be read on the server. Staff open it with their identity (CLI or the `age` tool).
 */
import { Decrypter, Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';

/** Seals `plaintext` (text or bytes) to every recipient ("age1…"). */
export async function seal(recipients: readonly string[], plaintext: string | Uint8Array): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
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

/** True when `value` looks like an age X25519 recipient. */
export function isRecipient(value: string): boolean {
  return /^age1[02-9ac-hj-np-z]{58}$/.test(value);
}
