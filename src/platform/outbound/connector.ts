import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressPolicy } from './address-policy.ts';

/**
 * The undici connector that enforces the address policy on the address actually dialled.
 * Names go through a checking `lookup`, so the answer that is checked is the one connected to;
 * IP literals skip DNS (and so `lookup`), so they are checked before dialling.
 */
export function createConnector(policy: AddressPolicy, options: buildConnector.BuildOptions): buildConnector.connector {
  if (!policy.blocksPrivateAddresses) return buildConnector(options);
  const connect = buildConnector({ ...options, lookup: checkingLookup(policy) });
  return (target, callback) => {
    const host = unbracket(target.hostname);
    if (isIP(host)) {
      try {
        policy.assertAllowed(host, host);
      } catch (err) {
        // Asynchronously, like a failed dial: undici does not expect the callback inside connect().
        queueMicrotask(() => callback(err as Error, null));
        return;
      }
    }
    connect(target, callback);
  };
}

/**
 * Resolves like `dns.lookup`, then refuses the name if ANY of its addresses is blocked, rather than
 * quietly dialling the others: a name that mixes public and private answers is suspicious.
 */
export function checkingLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        for (const { address } of addresses) policy.assertAllowed(hostname, address);
      } catch (blocked) {
        return callback(blocked as Error, '', 0);
      }
      const first = addresses[0];
      if (options.all) return callback(null, addresses);
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
