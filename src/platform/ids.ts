import { randomBytes } from 'node:crypto';

/**
 * Identifiers are a type prefix plus a ULID: 48 bits of milliseconds and 80 random bits in
 * Crockford base32, so ids sort by creation time and can be told apart at a glance (`ast_01J…`).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const ID_PREFIXES = {
  client: 'cli',
  project: 'prj',
  provider: 'prv',
  asset: 'ast',
  user: 'usr',
  token: 'tok',
  session: 'ses',
  audit: 'aud',
  job: 'job',
  import: 'imp',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[bytes[i]! % 32];
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${encodeRandom()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}
