import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets at rest (licence keys, provider API keys, channel credentials): AES-256-GCM with a
 * fresh 96-bit IV per value, stored as text `v1:<iv>:<tag>:<ciphertext>` (base64 parts).
 *
 * The version prefix lets a later format (another cipher, a key id for rotation) sit next to
 * old values in the same column. Associated data binds a ciphertext to its row: encrypt with
 * `[assetId, 'licenceKey']` and a value copied into another row or field fails to decrypt.
 */
export const SECRET_FORMAT_VERSION = 'v1';

const ALGORITHM = 'aes-256-gcm';
export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** What a secret is bound to. A list is encoded unambiguously, so `['a:b', 'c']` ≠ `['a', 'b:c']`. */
export type SecretAad = string | readonly string[];

export interface SecretBox {
  /** Encrypts `plain` to the versioned text format; every call uses a new IV. */
  encrypt(plain: string, aad?: SecretAad): string;
  /** Decrypts a value made by `encrypt` with the same key and associated data, or throws `SecretDecryptError`. */
  decrypt(cipher: string, aad?: SecretAad): string;
}

/** The key is missing, malformed or stored unsafely. Messages never contain key material. */
export class SecretKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretKeyError';
  }
}

export type SecretDecryptReason = 'malformed' | 'unsupported-version' | 'authentication';

/**
 * A stored value could not be decrypted. `authentication` means the key is not the one the value
 * was encrypted with, or the value or its associated data changed. Never carries the plaintext.
 */
export class SecretDecryptError extends Error {
  constructor(
    readonly reason: SecretDecryptReason,
    message: string,
  ) {
    super(message);
    this.name = 'SecretDecryptError';
  }
}

/**
 * Parses a key given in configuration (`UPKEEP_SECRET_KEY`): 64 hex digits or base64 of 32 bytes.
 */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/]{43}=?$/.test(trimmed)) key = Buffer.from(trimmed, 'base64');
  if (key?.length !== SECRET_KEY_BYTES) {
    throw new SecretKeyError('UPKEEP_SECRET_KEY must be 32 bytes, written as 64 hex digits or as base64.');
  }
  return key;
}

/** A `SecretBox` over a raw 32-byte key. The key is copied and kept out of reach of callers. */
export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new SecretKeyError(`A secret key must be exactly ${SECRET_KEY_BYTES} bytes, not ${key.length}.`);
  }
  const ownKey = Buffer.from(key);
  return Object.freeze({
    encrypt: (plain: string, aad?: SecretAad) => encryptWith(ownKey, plain, aad),
    decrypt: (cipher: string, aad?: SecretAad) => decryptWith(ownKey, cipher, aad),
  });
}

/**
 * The secret box of this installation: the configured key when there is one, otherwise the key
 * file `<dataDir>/secret.key`, created on first start (see `readOrCreateKeyFile`).
 * Synchronous on purpose: it runs once at start-up, before anything can use a secret.
 */
export function loadSecretKey(options: { secretKey?: string | undefined; dataDir: string }): SecretBox {
  if (options.secretKey !== undefined) return createSecretBox(parseSecretKey(options.secretKey));
  try {
    return createSecretBox(readOrCreateKeyFile(options.dataDir));
  } catch (err) {
    if (err instanceof SecretKeyError) throw err;
    // A file-system error (no such folder, not a folder, no permission) is the operator's to fix.
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new SecretKeyError(
      `The secret key file in ${options.dataDir} cannot be read or created (${code}). ` +
        'Set UPKEEP_DATA_DIR to a folder this user may write, or set UPKEEP_SECRET_KEY.',
    );
  }
}

function aadBytes(aad: SecretAad | undefined): Buffer | null {
  if (aad === undefined) return null;
  return Buffer.from(typeof aad === 'string' ? aad : JSON.stringify(aad), 'utf8');
}

function encryptWith(key: Buffer, plain: string, aad: SecretAad | undefined): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const associated = aadBytes(aad);
  if (associated) cipher.setAAD(associated);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [SECRET_FORMAT_VERSION, iv, tag, data].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join(':');
}

function decryptWith(key: Buffer, text: string, aad: SecretAad | undefined): string {
  const { iv, tag, data } = parseCiphertext(text);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const associated = aadBytes(aad);
  if (associated) decipher.setAAD(associated);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptError(
      'authentication',
      'The secret could not be decrypted: it was encrypted with another key, or it was changed, or it belongs to another record.',
    );
  }
}

function parseCiphertext(text: string): { iv: Buffer; tag: Buffer; data: Buffer } {
  const parts = text.split(':');
  if (parts[0] !== SECRET_FORMAT_VERSION && /^v\d+$/.test(parts[0] ?? '')) {
    throw new SecretDecryptError('unsupported-version', `The secret uses format ${parts[0]}, which this version of Upkeep cannot read.`);
  }
  const [version, iv, tag, data] = parts;
  const wellFormed =
    parts.length === 4 && version === SECRET_FORMAT_VERSION && [iv, tag, data].every((part) => BASE64.test(part ?? '-'));
  const decoded = wellFormed ? [iv, tag, data].map((part) => Buffer.from(part!, 'base64')) : [];
  if (decoded[0]?.length !== IV_BYTES || decoded[1]?.length !== TAG_BYTES || !decoded[2]) {
    throw new SecretDecryptError('malformed', 'The stored secret is not in the expected format (v1:<iv>:<tag>:<ciphertext>).');
  }
  return { iv: decoded[0], tag: decoded[1], data: decoded[2] };
}

export const SECRET_KEY_FILE = 'secret.key';

/**
 * Reads `<dataDir>/secret.key` (32 raw bytes, mode 0600), creating it first if it is missing.
 *
 * A damaged or unsafe key file is refused, never replaced: a new key could not decrypt anything
 * stored with the old one, so silently making one would turn a fixable problem into data loss.
 */
function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  try {
    return readKeyFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  createKeyFile(file);
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new SecretKeyError(`${file} is not a regular file.`);
    // Windows has no POSIX mode bits to check; its ACLs are the data folder's business.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new SecretKeyError(
        `${file} can be read or changed by other users (mode ${mode}). Restrict it with: chmod 600 '${file}'`,
      );
    }
    if (stat.size !== SECRET_KEY_BYTES) {
      throw new SecretKeyError(
        `${file} holds ${stat.size} bytes, but a key is exactly ${SECRET_KEY_BYTES}. Restore it from a backup: ` +
          'a new key cannot decrypt the secrets stored with the old one.',
      );
    }
    const key = Buffer.alloc(SECRET_KEY_BYTES);
    fs.readSync(fd, key, 0, SECRET_KEY_BYTES, 0);
    return key;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a new key to a private temporary file, then hard-links it into place. `link` fails
 * when the name exists and publishes a complete file in one step, so when two processes start
 * at once exactly one key wins and neither ever reads a half-written file.
 */
function createKeyFile(file: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeSync(fd, randomBytes(SECRET_KEY_BYTES));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temporary, file);
    syncDirectory(path.dirname(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Makes the new directory entry durable, so a power cut cannot leave data encrypted under a lost key. */
function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open or sync a directory; the file itself is synced.
  }
}
