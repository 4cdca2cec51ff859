import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecretKey, SECRET_KEY_FILE, SecretDecryptError, SecretKeyError } from '../../src/platform/crypto/secrets.ts';

const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-secret-key-'));
const secretsModule = fileURLToPath(new URL('../../src/platform/crypto/secrets.ts', import.meta.url));

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function freshDataDir(): string {
  return fs.mkdtempSync(path.join(root, 'data-'));
}

function keyError(run: () => unknown): SecretKeyError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(SecretKeyError);
    return err as SecretKeyError;
  }
  throw new Error('expected the key to be refused');
}

describe('the key file', () => {
  it('is created once, with 32 bytes and mode 0600, and reused afterwards', () => {
    const dataDir = freshDataDir();
    const first = loadSecretKey({ dataDir });
    const file = path.join(dataDir, SECRET_KEY_FILE);
    const stat = fs.statSync(file);
    expect(stat.size).toBe(32);
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
    const contents = fs.readFileSync(file);

    const second = loadSecretKey({ dataDir });
    expect(second.decrypt(first.encrypt('kept across restarts'))).toBe('kept across restarts');
    expect(fs.readFileSync(file)).toEqual(contents);
    expect(fs.readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
  });

  it('creates a data folder that does not exist yet', () => {
    const dataDir = path.join(freshDataDir(), 'nested', 'data');
    loadSecretKey({ dataDir });
    expect(fs.statSync(path.join(dataDir, SECRET_KEY_FILE)).size).toBe(32);
  });

  it('ends with one key when several processes start at once', async () => {
    const dataDir = freshDataDir();
    // Every process waits for the same instant after loading, so their key-file checks overlap.
    const startAt = Date.now() + 1500;
    const script =
      `const { loadSecretKey } = await import(${JSON.stringify(secretsModule)});` +
      `while (Date.now() < ${startAt});` +
      `process.stdout.write(loadSecretKey({ dataDir: ${JSON.stringify(dataDir)} }).encrypt('shared'));`;
    const starts = Array.from({ length: 8 }, () =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd() }),
    );
    const ciphers = (await Promise.all(starts)).map((result) => result.stdout);
    const box = loadSecretKey({ dataDir });
    for (const cipher of ciphers) expect(box.decrypt(cipher)).toBe('shared');
    expect(fs.readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
  });

  it.skipIf(process.platform === 'win32')('is refused when other users can read it', () => {
    const dataDir = freshDataDir();
    loadSecretKey({ dataDir });
    const file = path.join(dataDir, SECRET_KEY_FILE);
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      fs.chmodSync(file, mode);
      const error = keyError(() => loadSecretKey({ dataDir }));
      expect(error.message).toContain(`chmod 600 '${file}'`);
    }
    fs.chmodSync(file, 0o400);
    expect(() => loadSecretKey({ dataDir })).not.toThrow();
  });

  it.each([0, 16, 33, 64])('is refused, not replaced, when it holds %i bytes', (size) => {
    const dataDir = freshDataDir();
    const file = path.join(dataDir, SECRET_KEY_FILE);
    fs.writeFileSync(file, randomBytes(size), { mode: 0o600 });
    const error = keyError(() => loadSecretKey({ dataDir }));
    expect(error.message).toContain(`holds ${size} bytes`);
    expect(fs.statSync(file).size).toBe(size);
  });

  it('is refused when it is a folder', () => {
    const dataDir = freshDataDir();
    fs.mkdirSync(path.join(dataDir, SECRET_KEY_FILE), { mode: 0o700 });
    expect(keyError(() => loadSecretKey({ dataDir })).message).toContain('not a regular file');
  });
});

describe('the configured key', () => {
  it('is used instead of a key file, as hex or base64', () => {
    const dataDir = freshDataDir();
    const raw = randomBytes(32);
    const fromHex = loadSecretKey({ secretKey: raw.toString('hex'), dataDir });
    const fromBase64 = loadSecretKey({ secretKey: raw.toString('base64'), dataDir });
    expect(fromBase64.decrypt(fromHex.encrypt('same key'))).toBe('same key');
    expect(fs.existsSync(path.join(dataDir, SECRET_KEY_FILE))).toBe(false);
  });

  it('wins over an existing key file', () => {
    const dataDir = freshDataDir();
    const fileBox = loadSecretKey({ dataDir });
    const configBox = loadSecretKey({ secretKey: randomBytes(32).toString('hex'), dataDir });
    expect(() => configBox.decrypt(fileBox.encrypt('x'))).toThrow(SecretDecryptError);
  });

  it('is refused when malformed, without echoing it', () => {
    const secretKey = 'not-a-key-but-maybe-a-password';
    const error = keyError(() => loadSecretKey({ secretKey, dataDir: freshDataDir() }));
    expect(error.message).toContain('UPKEEP_SECRET_KEY');
    expect(error.message).not.toContain(secretKey);
  });
});
