import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * What a person sets up for each kind of monitor. These schemas are the API's request bodies
 * (`config` of a monitor) and what each probe receives; secrets (passwords, secret header
 * values) are split off into the monitor's sealed `secret_config` and merged back before a check.
 */
export const MONITOR_KINDS = ['http', 'tcp', 'dns', 'tls', 'domain', 'heartbeat'] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

const hostname = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, 'must be a host name or an IP address');
/** DNS names may hold underscores (`_dmarc.example.com`, `_sip._tcp.example.com`), host names may not. */
const dnsName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9_.-]+$/, 'must be a DNS name');
const port = z.number().int().min(1, 'must be between 1 and 65535').max(65535, 'must be between 1 and 65535');
const days = z.number().int().min(0).max(3650);

const regexPattern = z.string().max(500).refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

export const httpConfig = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .max(2000),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
  headers: z.record(z.string().min(1).max(200), z.string().max(4000)).default({}),
  body: z.string().max(64 * 1024).nullable().default(null),
  /** Status codes that count as up; ranges like "200-299" allowed. */
  expectedStatus: z
    .array(
      z
        .string()
        .regex(/^[1-5]\d\d(-[1-5]\d\d)?$/, 'must be a status code or a range such as 200-299')
        .refine((range) => {
          const [from, to = from] = range.split('-');
          return Number(from) <= Number(to);
        }, 'range must go from low to high'),
    )
    .min(1)
    .default(['200-399']),
  /** Plain text that must appear in (or, with keywordAbsent, must not appear in) the body. */
  keyword: z.string().min(1).max(500).nullable().default(null),
  keywordIsRegex: z.boolean().default(false),
  keywordAbsent: z.boolean().default(false),
  maxResponseMs: z.number().int().min(1).max(120_000).nullable().default(null),
  followRedirects: z.boolean().default(true),
  verifyTls: z.boolean().default(true),
  basicAuth: z.strictObject({ username: z.string().min(1).max(200), password: z.string().max(500) }).nullable().default(null),
}).superRefine((c, ctx) => {
  if (c.keyword !== null && c.keywordIsRegex && !regexPattern.safeParse(c.keyword).success) {
    ctx.addIssue({ code: 'custom', path: ['keyword'], message: 'is not a valid regular expression' });
  }
});

export const tcpConfig = z.strictObject({ host: hostname, port });

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;
export const dnsConfig = z.strictObject({
  host: dnsName,
  recordType: z.enum(DNS_RECORD_TYPES).default('A'),
  /** Values that must all be present (compared case-insensitively, without a trailing dot). Empty: any answer is up. */
  expected: z.array(z.string().trim().min(1).max(500)).default([]),
  /** A resolver to ask instead of the system's, as "ip" or "ip:port". */
  resolver: z
    .string()
    .trim()
    .refine((r) => parseResolverAddress(r) !== null, 'must be an IP address, optionally with :port (IPv6 in brackets then)')
    .nullable()
    .default(null),
});

export const tlsConfig = z.strictObject({
  host: hostname,
  port: port.default(443),
  /** The name sent as SNI and matched against the certificate; the host when null. */
  serverName: hostname.nullable().default(null),
  /** Days before expiry at which the monitor warns (an event) and at which it counts as down. */
  warnDays: days.default(21),
  downDays: days.default(3),
});

export const domainConfig = z.strictObject({
  /** The registered domain, e.g. example.co.uk (a subdomain is reduced to it). */
  domain: hostname,
  warnDays: days.default(30),
  downDays: days.default(7),
});

export const heartbeatConfig = z.strictObject({
  /** How often the job is expected to ping, and how late it may be before it counts as down. */
  periodSeconds: z.number().int().min(10).max(366 * 86_400),
  graceSeconds: z.number().int().min(0).max(30 * 86_400).default(300),
});

export const MONITOR_CONFIGS = {
  http: httpConfig,
  tcp: tcpConfig,
  dns: dnsConfig,
  tls: tlsConfig,
  domain: domainConfig,
  heartbeat: heartbeatConfig,
} as const satisfies Record<MonitorKind, z.ZodType>;

export type HttpConfig = z.infer<typeof httpConfig>;
export type TcpConfig = z.infer<typeof tcpConfig>;
export type DnsConfig = z.infer<typeof dnsConfig>;
export type TlsConfig = z.infer<typeof tlsConfig>;
export type DomainConfig = z.infer<typeof domainConfig>;
export type HeartbeatConfig = z.infer<typeof heartbeatConfig>;
export interface MonitorConfigs {
  http: HttpConfig;
  tcp: TcpConfig;
  dns: DnsConfig;
  tls: TlsConfig;
  domain: DomainConfig;
  heartbeat: HeartbeatConfig;
}

export const MIN_INTERVAL_SECONDS = 10;
export const DEFAULT_INTERVAL_SECONDS = 60;

/** "1.1.1.1", "1.1.1.1:5353", "2606:4700::1111" or "[2606:4700::1111]:53" as address and port, or null. */
export function parseResolverAddress(text: string): { address: string; port: number } | null {
  const match = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$|^([0-9.]+)(?::(\d{1,5}))?$|^([0-9a-fA-F:.]+)$/.exec(text);
  if (!match) return null;
  const address = match[1] ?? match[3] ?? match[5] ?? '';
  const port = Number(match[2] ?? match[4] ?? 53);
  if (!isIP(address) || port < 1 || port > 65535) return null;
  return { address, port };
}
