/**
 * age in the browser: the team's identity opens requests and notes here, and notes are sealed here
 * to the team's public recipients, so the server never sees either side in plaintext. The passkey
 * unlock wraps the identity with age-encryption's webauthn module (the passkey's PRF output).
 */
import { Decrypter, Encrypter, identityToRecipient, webauthn } from 'age-encryption';

/** The first AGE-SECRET-KEY-1… line of an identity file, or undefined. */
export function identityIn(fileText: string): string | undefined {
  return /^AGE-SECRET-KEY-1[0-9A-Z]+$/m.exec(fileText)?.[0];
}

/** Whether the identity is one of the recipients requests are sealed to. */
export async function opensTeamRequests(identity: string, recipients: readonly string[]): Promise<boolean> {
  return recipients.includes(await identityToRecipient(identity));
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));

/** Opens sealed base64 with the identity, as text. */
export async function unsealText(identity: string, sealedBase64: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decrypt(fromBase64(sealedBase64), 'text');
}

/** Seals text to every recipient; base64 for the JSON body. */
export async function sealText(recipients: readonly string[], text: string): Promise<string> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return toBase64(await encrypter.encrypt(text));
}

/**
 * Creates a passkey for unlocking (it needs PRF) and wraps the identity to it. Returns the
 * credential string (its id and relying party, nothing secret) and the wrapped copy, base64.
 */
export async function wrapWithPasskey(identity: string, rpId: string): Promise<{ credential: string; wrapped: string }> {
  const credential = await webauthn.createCredential({ keyName: 'Case team console unlock', rpId });
  const encrypter = new Encrypter();
  encrypter.addRecipient(new webauthn.WebAuthnRecipient({ identity: credential }));
  return { credential, wrapped: toBase64(await encrypter.encrypt(identity)) };
}

/** Opens the wrapped copy with a touch of the passkey. */
export async function unwrapWithPasskey(credential: string, wrappedBase64: string): Promise<string> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(new webauthn.WebAuthnIdentity({ identity: credential }));
  return decrypter.decrypt(fromBase64(wrappedBase64), 'text');
}
