import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../platform/crypto/secrets.ts';
import { configView, mergeSecrets, openSecrets, restoreSecrets, sealSecrets, SECRET_MASK, splitSecrets } from './monitors.secrets.ts';

const config = {
  url: 'https://example.com/',
  headers: { Authorization: 'Bearer t0k', 'X-Api-Key': 'k3y', Accept: 'text/html' },
  basicAuth: { username: 'bob', password: 'pw' },
};

describe('monitor secrets', () => {
  it('splits credentials off and merges them back to the same config', () => {
    const { config: clear, secrets } = splitSecrets('http', config);
    expect(JSON.stringify(clear)).not.toMatch(/t0k|k3y|"pw"/);
    expect(clear).toMatchObject({ headers: { Accept: 'text/html' }, basicAuth: { username: 'bob' } });
    expect(mergeSecrets('http', clear, secrets)).toEqual(config);
  });

  it('shows masks and whether a password is set, and a masked value sent back keeps the secret', () => {
    const { config: clear, secrets } = splitSecrets('http', config);
    const view = configView('http', clear, secrets);
    expect(view).toMatchObject({ headers: { Authorization: SECRET_MASK, 'X-Api-Key': SECRET_MASK, Accept: 'text/html' }, basicAuth: { username: 'bob', passwordSet: true } });
    expect(restoreSecrets('http', view, secrets)).toEqual(config);
    expect(restoreSecrets('http', { ...view, basicAuth: { username: 'bob', password: 'new' } }, secrets)).toMatchObject({ basicAuth: { password: 'new' } });
  });

  it('seals to the monitor: a sealed value moved to another monitor does not open', () => {
    const box = createSecretBox(Buffer.alloc(32, 1));
    const sealed = sealSecrets(box, 'mon_a', { pingToken: 'abc' })!;
    expect(openSecrets(box, 'mon_a', sealed)).toEqual({ pingToken: 'abc' });
    expect(() => openSecrets(box, 'mon_b', sealed)).toThrow();
    expect(sealSecrets(box, 'mon_a', {})).toBeNull();
    expect(openSecrets(box, 'mon_a', null)).toEqual({});
  });

  it('leaves other kinds alone', () => {
    expect(splitSecrets('tcp', { host: 'h', port: 1 })).toEqual({ config: { host: 'h', port: 1 }, secrets: {} });
  });
});
