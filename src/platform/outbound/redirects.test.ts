import { describe, expect, it } from 'vitest';
import { OutboundError } from './errors.ts';
import { makeHop, redirectHop, type Hop } from './redirects.ts';

const post: Hop = makeHop(
  new URL('https://api.example/hooks/1'),
  'POST',
  { authorization: 'Bearer t', cookie: 'a=1', 'content-type': 'application/json', 'x-trace': '7' },
  '{"a":1}',
);

describe('makeHop', () => {
  it('moves user info into Basic authorization and drops the fragment', () => {
    const hop = makeHop(new URL('https://me:p%40ss@example.com/x#frag'), 'GET', {}, undefined);
    expect(hop.url.href).toBe('https://example.com/x');
    expect(hop.headers.authorization).toBe(`Basic ${Buffer.from('me:p@ss').toString('base64')}`);
  });

  it('keeps an explicit authorization header over user info', () => {
    const hop = makeHop(new URL('https://me:pw@example.com/'), 'GET', { authorization: 'Bearer x' }, undefined);
    expect(hop.headers.authorization).toBe('Bearer x');
    expect(hop.url.username).toBe('');
  });

  it('refuses schemes other than http and https', () => {
    expect(() => makeHop(new URL('file:///etc/passwd'), 'GET', {}, undefined)).toThrow(OutboundError);
  });
});

describe('redirectHop', () => {
  it('ignores responses that are not redirects, or have no location', () => {
    expect(redirectHop(post, 200, '/elsewhere')).toBeNull();
    expect(redirectHop(post, 304, '/elsewhere')).toBeNull();
    expect(redirectHop(post, 302, undefined)).toBeNull();
  });

  it.each([
    [301, 'GET'],
    [302, 'GET'],
    [303, 'GET'],
    [307, 'POST'],
    [308, 'POST'],
  ])('after %i a POST continues as %s', (status, method) => {
    const next = redirectHop(post, status, '/hooks/2')!;
    expect(next.method).toBe(method);
    expect(next.url.href).toBe('https://api.example/hooks/2');
    expect(next.body).toBe(method === 'POST' ? post.body : undefined);
    expect(next.headers['content-type']).toBe(method === 'POST' ? 'application/json' : undefined);
  });

  it('keeps HEAD a HEAD after 303', () => {
    const head = makeHop(new URL('http://a.example/'), 'HEAD', {}, undefined);
    expect(redirectHop(head, 303, '/b')!.method).toBe('HEAD');
  });

  it('keeps credentials on the same origin and drops them for another', () => {
    expect(redirectHop(post, 307, '/other')!.headers).toMatchObject({ authorization: 'Bearer t', cookie: 'a=1' });
    for (const location of ['https://elsewhere.example/', 'http://api.example/hooks/2', 'https://api.example:8443/']) {
      const next = redirectHop(post, 307, location)!;
      expect(next.headers.authorization).toBeUndefined();
      expect(next.headers.cookie).toBeUndefined();
      expect(next.headers['x-trace']).toBe('7');
    }
  });

  it('refuses to follow to another scheme', () => {
    expect(() => redirectHop(post, 302, 'javascript:alert(1)')).toThrow(/not followed/);
  });
});
