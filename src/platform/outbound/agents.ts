import { createHash } from 'node:crypto';
import { Agent } from 'undici';
import type { AddressPolicy } from './address-policy.ts';
import { createConnector } from './connector.ts';

/** How to verify a server's certificate. The default is Node's: the system's trusted CAs. */
export interface OutboundTlsOptions {
  /** Certificates (PEM) to trust INSTEAD of the system's CAs, as in Node: an internal CA, or one self-signed server. */
  ca?: string | Buffer | readonly (string | Buffer)[];
  /** false accepts any certificate: for monitors a user explicitly set to ignore TLS errors. */
  rejectUnauthorized?: boolean;
}

/**
 * undici agents, one per distinct TLS setting (TLS options belong to the connection, not the
 * request). The default agent is kept for good; others are few (a monitor's own CA, "ignore TLS
 * errors") and the least recently used is closed when there are too many.
 */
export interface AgentPool {
  agentFor(tls: OutboundTlsOptions | undefined): Agent;
  close(): Promise<void>;
}

const MAX_EXTRA_AGENTS = 16;

export function createAgentPool(policy: AddressPolicy, connectTimeoutMs: number, defaultTls?: OutboundTlsOptions): AgentPool {
  const makeAgent = (tls: OutboundTlsOptions | undefined): Agent =>
    new Agent({ connect: createConnector(policy, { timeout: connectTimeoutMs, ...tlsConnectOptions(tls) }) });
  const defaultAgent = makeAgent(defaultTls);
  const extra = new Map<string, Agent>();
  let retired: Promise<void>[] = [];

  return {
    agentFor(tls) {
      if (!tls) return defaultAgent;
      const key = tlsKey(tls);
      const agent = extra.get(key) ?? makeAgent(tls);
      extra.delete(key);
      extra.set(key, agent); // re-inserted: Map order is the recency order
      if (extra.size > MAX_EXTRA_AGENTS) {
        const [oldestKey, oldest] = extra.entries().next().value as [string, Agent];
        extra.delete(oldestKey);
        retired.push(oldest.close());
      }
      return agent;
    },
    async close() {
      const closing = [defaultAgent, ...extra.values()].map((agent) => agent.close());
      extra.clear();
      await Promise.all([...closing, ...retired]);
      retired = [];
    },
  };
}

function tlsConnectOptions(tls: OutboundTlsOptions | undefined): { ca?: (string | Buffer)[]; rejectUnauthorized?: boolean } {
  if (!tls) return {};
  return {
    ...(tls.ca !== undefined ? { ca: Array.isArray(tls.ca) ? [...tls.ca] : [tls.ca as string | Buffer] } : {}),
    ...(tls.rejectUnauthorized !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}),
  };
}

function tlsKey(tls: OutboundTlsOptions): string {
  const hash = createHash('sha256');
  for (const cert of tlsConnectOptions(tls).ca ?? []) hash.update(cert).update('\0');
  return `${tls.rejectUnauthorized !== false}:${hash.digest('hex')}`;
}
