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
  event: 'evt',
  monitor: 'mon',
  incident: 'inc',
  incidentUpdate: 'inu',
  maintenance: 'mnt',
  statusPage: 'stp',
  ping: 'png',
  // notifications
  channel: 'chn',
  notification: 'ntf',
  delivery: 'dlv',
  route: 'rte',
  escalation: 'esc',
  // renewals
  renewalPolicy: 'rnp',
  renewalSweep: 'swp',
  task: 'tsk',
  taskComment: 'tkc',
  cost: 'cst',
  wasteAudit: 'wau',
  wasteDecision: 'wdc',
  calendarFeed: 'cal',
  // desk
  slaPlan: 'slp',
  businessCalendar: 'bcal',
  ticket: 'tkt',
  ticketMessage: 'tkm',
  ticketEvent: 'tke',
  // billing
  invoice: 'inv',
  invoiceLine: 'inl',
  payment: 'pay',
  paymentMethod: 'pmt',
  methodSetup: 'pms',
  charge: 'chg',
  billingRun: 'brn',
  refund: 'rfd',
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

function randomDigits(): number[] {
  if (poolOffset + 16 > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const digits = Array.from(pool.subarray(poolOffset, poolOffset + 16), (b) => b % 32);
  poolOffset += 16;
  return digits;
}

// Monotonic within a millisecond: the random part of the previous id plus one. Ids made in one
// go (an import) then sort in the order they were made, so every index keyed by id is appended
// to rather than written all over.
let lastTime = -1;
let lastDigits: number[] = [];

function nextDigits(now: number): number[] {
  if (now !== lastTime) {
    lastTime = now;
    lastDigits = randomDigits();
    return lastDigits;
  }
  for (let i = lastDigits.length - 1; i >= 0; i--) {
    if (lastDigits[i]! < 31) {
      lastDigits[i]!++;
      return lastDigits;
    }
    lastDigits[i] = 0;
  }
  return lastDigits;
}

function encodeRandom(now: number): string {
  let out = '';
  for (const d of nextDigits(now)) out += ALPHABET[d];
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${encodeRandom(now)}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}
