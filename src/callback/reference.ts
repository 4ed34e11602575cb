import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U: easy to read out over the phone and to type.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new reference such as CB-7K3Q-9XPM: random, nothing personal, about 39 bits. */
export function newReference(): string {
  const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `CB-${pick()}-${pick()}`;
}
