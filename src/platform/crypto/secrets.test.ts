import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey, SecretDecryptError, SecretKeyError, type SecretBox } from './secrets.ts';

const key = randomBytes(32);
const box = createSecretBox(key);

function decryptError(run: () => unknown): SecretDecryptError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(SecretDecryptError);
    return err as SecretDecryptError;
  }
  throw new Error('expected decryption to fail');
}

/** Flips one bit of one base64 part of a ciphertext, keeping the format valid. */
function tamper(cipher: string, partIndex: number): string {
  const parts = cipher.split(':');
  const bytes = Buffer.from(parts[partIndex]!, 'base64');
  bytes[0] = bytes[0]! ^ 1;
  parts[partIndex] = bytes.toString('base64');
  return parts.join(':');
}

describe('SecretBox', () => {
  it('round-trips text, including empty and non-ASCII values', () => {
    for (const plain of ['licence-ABC-123', '', 'nyckel åäö — ключ 🔑', 'x'.repeat(10_000)]) {
      expect(box.decrypt(box.encrypt(plain))).toBe(plain);
    }
  });

  it('writes the versioned format with a 96-bit IV and a 128-bit tag', () => {
    const cipher = box.encrypt('secret');
    expect(cipher).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
    const [, iv, tag] = cipher.split(':');
    expect(Buffer.from(iv!, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64')).toHaveLength(16);
  });

  it('uses a new IV for every value, so equal secrets do not look equal', () => {
    const first = box.encrypt('same');
    const second = box.encrypt('same');
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
  });

  it('never puts the plaintext in the ciphertext', () => {
    const plain = 'sk_live_very_secret_value';
    const cipher = box.encrypt(plain);
    expect(cipher).not.toContain(plain);
    expect(Buffer.from(cipher.split(':')[3]!, 'base64').toString()).not.toContain(plain);
  });

  it('binds a value to its associated data', () => {
    const cipher = box.encrypt('key-1', ['ast_1', 'licenceKey']);
    expect(box.decrypt(cipher, ['ast_1', 'licenceKey'])).toBe('key-1');
    expect(decryptError(() => box.decrypt(cipher, ['ast_2', 'licenceKey'])).reason).toBe('authentication');
    expect(decryptError(() => box.decrypt(cipher, ['ast_1', 'apiKey'])).reason).toBe('authentication');
    expect(decryptError(() => box.decrypt(cipher)).reason).toBe('authentication');
  });

  it('keeps list parts apart, so moving a separator changes the binding', () => {
    const cipher = box.encrypt('v', ['a:b', 'c']);
    expect(decryptError(() => box.decrypt(cipher, ['a', 'b:c'])).reason).toBe('authentication');
    expect(box.decrypt(box.encrypt('v', 'ast_1/token'), 'ast_1/token')).toBe('v');
  });

  it('refuses a value encrypted with another key', () => {
    const other: SecretBox = createSecretBox(randomBytes(32));
    const error = decryptError(() => other.decrypt(box.encrypt('hunter2')));
    expect(error.reason).toBe('authentication');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain(key.toString('hex'));
    expect(error.message).not.toContain(key.toString('base64'));
  });

  it.each([
    ['iv', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('detects a changed %s', (_name, index) => {
    const cipher = box.encrypt('do not change me');
    expect(decryptError(() => box.decrypt(tamper(cipher, index))).reason).toBe('authentication');
  });

  it.each([
    'plain text',
    '',
    'v1:abc',
    'v1:a:b:c:d',
    'v1:!!!!:AAAAAAAAAAAAAAAAAAAAAA==:AAAA',
    `v1:${Buffer.alloc(8).toString('base64')}:${Buffer.alloc(16).toString('base64')}:AAAA`,
    `v1:${Buffer.alloc(12).toString('base64')}:${Buffer.alloc(4).toString('base64')}:AAAA`,
  ])('calls %j malformed', (cipher) => {
    expect(decryptError(() => box.decrypt(cipher)).reason).toBe('malformed');
  });

  it('names a newer format it cannot read', () => {
    const error = decryptError(() => box.decrypt('v2:AAAA:BBBB:CCCC'));
    expect(error.reason).toBe('unsupported-version');
    expect(error.message).toContain('v2');
  });

  it('copies the key, so changing the caller’s buffer does not change the box', () => {
    const own = randomBytes(32);
    const ownBox = createSecretBox(own);
    const cipher = ownBox.encrypt('stable');
    own.fill(0);
    expect(ownBox.decrypt(cipher)).toBe('stable');
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(SecretKeyError);
    expect(() => createSecretBox(randomBytes(33))).toThrow(SecretKeyError);
  });
});

describe('parseSecretKey', () => {
  const raw = randomBytes(32);

  it('reads 64 hex digits, in either case', () => {
    expect(parseSecretKey(raw.toString('hex'))).toEqual(raw);
    expect(parseSecretKey(raw.toString('hex').toUpperCase())).toEqual(raw);
  });

  it('reads base64 with or without padding, and ignores surrounding whitespace', () => {
    expect(parseSecretKey(raw.toString('base64'))).toEqual(raw);
    expect(parseSecretKey(raw.toString('base64').replace(/=$/, ''))).toEqual(raw);
    expect(parseSecretKey(` ${raw.toString('hex')}\n`)).toEqual(raw);
  });

  it.each([
    ['too short hex', randomBytes(16).toString('hex')],
    ['too long hex', randomBytes(33).toString('hex')],
    ['base64 of 24 bytes', randomBytes(24).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['nothing', ''],
  ])('refuses %s without echoing it', (_name, text) => {
    let error: unknown;
    try {
      parseSecretKey(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SecretKeyError);
    if (text) expect((error as Error).message).not.toContain(text);
  });
});
