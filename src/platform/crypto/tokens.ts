import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets handed to people and machines (API tokens, session ids, invitation links).
 * Only their hash is stored: a leaked database or backup then holds nothing that logs anyone in.
 * A plain SHA-256 is enough here, unlike for passwords, because the tokens carry 256 random bits;
 * there is nothing to guess, so no slow hash is needed, and lookups by hash stay a single index hit.
 */

const PREFIX = /^[A-Za-z0-9]{1,16}$/;
// 96 bits: still far beyond online guessing; the floor catches a mistaken `randomToken('x', 4)`.
const MIN_BYTES = 12;
const MAX_BYTES = 128;

/** SHA-256 of the token, as 64 lowercase hex digits: the form stored at rest and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A new random token `<prefix>_<base64url>`, e.g. `upk_Vq3…`. The prefix tells a reader (and a
 * secret scanner) what leaked; the random part has `bytes` bytes of entropy (at least 12).
 */
export function randomToken(prefix: string, bytes = 32): string {
  if (!PREFIX.test(prefix)) throw new RangeError('A token prefix is 1 to 16 letters or digits.');
  if (!Number.isInteger(bytes) || bytes < MIN_BYTES || bytes > MAX_BYTES) {
    throw new RangeError(`A token has between ${MIN_BYTES} and ${MAX_BYTES} random bytes.`);
  }
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}
