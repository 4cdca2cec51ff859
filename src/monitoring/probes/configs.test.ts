import { describe, expect, it } from 'vitest';
import { dnsConfig, httpConfig, parseResolverAddress } from './configs.ts';

describe('monitor config schemas', () => {
  it('accepts DNS names with underscores for dns monitors', () => {
    expect(dnsConfig.safeParse({ host: '_dmarc.shop.example', recordType: 'TXT' }).success).toBe(true);
    expect(dnsConfig.safeParse({ host: 'bad host' }).success).toBe(false);
  });

  it('checks resolver addresses and ports', () => {
    expect(parseResolverAddress('1.1.1.1')).toEqual({ address: '1.1.1.1', port: 53 });
    expect(parseResolverAddress('127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 });
    expect(parseResolverAddress('2606:4700::1111')).toEqual({ address: '2606:4700::1111', port: 53 });
    expect(parseResolverAddress('[2606:4700::1111]:853')).toEqual({ address: '2606:4700::1111', port: 853 });
    for (const bad of ['999.1.1.1', '1.1.1.1:70000', '1.1.1.1:0', 'dns.google', '']) expect(parseResolverAddress(bad)).toBeNull();
    expect(dnsConfig.safeParse({ host: 'a.example', resolver: '300.1.1.1' }).success).toBe(false);
  });

  it('refuses status ranges that are backwards or not HTTP statuses', () => {
    expect(httpConfig.safeParse({ url: 'https://a.example', expectedStatus: ['200-299', '404'] }).success).toBe(true);
    expect(httpConfig.safeParse({ url: 'https://a.example', expectedStatus: ['299-200'] }).success).toBe(false);
    expect(httpConfig.safeParse({ url: 'https://a.example', expectedStatus: ['999'] }).success).toBe(false);
  });

  it('refuses invalid keyword patterns and URLs of other schemes', () => {
    const regex = httpConfig.safeParse({ url: 'https://a.example', keyword: '(', keywordIsRegex: true });
    expect(regex.success).toBe(false);
    expect(regex.error?.issues[0]).toMatchObject({ path: ['keyword'], message: 'is not a valid regular expression' });
    expect(httpConfig.safeParse({ url: 'ftp://a.example' }).success).toBe(false);
    expect(httpConfig.safeParse({ url: 'not a url' }).success).toBe(false);
  });
});
