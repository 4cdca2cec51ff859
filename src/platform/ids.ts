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

// Random bytes are drawn in blocks: one system call per 512 ids instead of one per id, which
// matters when an import mints a million of them.
const POOL_SIZE = 16 * 512;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

function encodeRandom(): string {
  if (poolOffset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[pool[poolOffset + i]! % 32];
  poolOffset += 16;
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${encodeRandom()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}
