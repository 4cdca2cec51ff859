import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read from the environment once, validated, and frozen.
 * Nothing else in the code base reads `process.env`; pass the `Config` along instead.
 */
const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

const schema = z.object({
  UPKEEP_HOST: z.string().min(1).default('127.0.0.1'),
  UPKEEP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  UPKEEP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite database)')
    .optional(),
  UPKEEP_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, 'must be 32 bytes, as 64 hex digits or base64')
    .optional(),
  UPKEEP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPKEEP_PUBLIC_URL: z.url().optional(),
  UPKEEP_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  UPKEEP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  UPKEEP_IMPORT_LIMIT_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  UPKEEP_BLOCK_PRIVATE_ADDRESSES: booleanFlag.default(false),
  UPKEEP_OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  UPKEEP_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  UPKEEP_SECURE_COOKIES: booleanFlag.optional(),
  // Monitoring: whether monitors may target private ranges (checked after DNS resolution).
  UPKEEP_BLOCK_PRIVATE_TARGETS: booleanFlag.optional(),
  UPKEEP_RESULTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  UPKEEP_MONITOR_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(500),
  UPKEEP_RDAP_BOOTSTRAP_URL: z.url().default('https://data.iana.org/rdap/dns.json'),
  // Notifications: the mail server and the base URLs of chat and SMS services (tests point them at loopback).
  UPKEEP_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  UPKEEP_MAIL_FROM: z.string().min(3).default('Upkeep <upkeep@localhost>'),
  UPKEEP_TELEGRAM_API_URL: z.url().default('https://api.telegram.org'),
  UPKEEP_TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  // Waste audit: which DNS servers answer its lookups (`ip` or `ip:port`, comma-separated; empty: the system's)
  // and how many assets it checks at once, so a large registry does not flood a resolver.
  UPKEEP_DNS_SERVERS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  UPKEEP_WASTE_AUDIT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(32),
  // Billing: where the payment gateways' APIs are (unset: the SDKs' own; tests point them at fakes on loopback).
  UPKEEP_STRIPE_API_URL: z.url().optional(),
  UPKEEP_PAYPAL_API_URL: z.url().default('https://api-m.paypal.com'),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly secretKey: string | undefined;
  readonly logLevel: z.infer<typeof schema>['UPKEEP_LOG_LEVEL'];
  readonly publicUrl: string;
  readonly sessionHours: number;
  readonly bodyLimitBytes: number;
  readonly importLimitBytes: number;
  readonly blockPrivateAddresses: boolean;
  readonly outboundTimeoutMs: number;
  readonly workerConcurrency: number;
  readonly secureCookies: boolean;
  /** Monitors may not target loopback, LAN or link-local addresses (defaults to blockPrivateAddresses). */
  readonly blockPrivateTargets: boolean;
  readonly resultsRetentionDays: number;
  /** DNS servers for the waste audit's lookups; empty: the system's resolver. */
  readonly dnsServers: readonly string[];
  readonly wasteAuditConcurrency: number;
  /** Checks one worker runs at the same time. */
  readonly monitorConcurrency: number;
  readonly rdapBootstrapUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly telegramApiUrl: string;
  readonly twilioApiUrl: string;
  /** Stripe's API base; undefined: api.stripe.com. */
  readonly stripeApiUrl: string | undefined;
  /** PayPal's REST API base (live, sandbox, or a fake in tests). */
  readonly paypalApiUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Upkeep cannot start: the configuration is not valid.\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set": that is how most process managers leave a blanked variable.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
    );
  }
  const e = parsed.data;
  const publicUrl = e.UPKEEP_PUBLIC_URL ?? `http://${e.UPKEEP_HOST}:${e.UPKEEP_PORT}`;
  return Object.freeze({
    host: e.UPKEEP_HOST,
    port: e.UPKEEP_PORT,
    dataDir: path.resolve(e.UPKEEP_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secretKey: e.UPKEEP_SECRET_KEY,
    logLevel: e.UPKEEP_LOG_LEVEL,
    publicUrl,
    sessionHours: e.UPKEEP_SESSION_HOURS,
    bodyLimitBytes: e.UPKEEP_BODY_LIMIT_BYTES,
    importLimitBytes: e.UPKEEP_IMPORT_LIMIT_BYTES,
    blockPrivateAddresses: e.UPKEEP_BLOCK_PRIVATE_ADDRESSES,
    outboundTimeoutMs: e.UPKEEP_OUTBOUND_TIMEOUT_MS,
    workerConcurrency: e.UPKEEP_WORKER_CONCURRENCY,
    secureCookies: e.UPKEEP_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    blockPrivateTargets: e.UPKEEP_BLOCK_PRIVATE_TARGETS ?? e.UPKEEP_BLOCK_PRIVATE_ADDRESSES,
    resultsRetentionDays: e.UPKEEP_RESULTS_RETENTION_DAYS,
    monitorConcurrency: e.UPKEEP_MONITOR_CONCURRENCY,
    rdapBootstrapUrl: e.UPKEEP_RDAP_BOOTSTRAP_URL,
    smtpUrl: e.UPKEEP_SMTP_URL,
    mailFrom: e.UPKEEP_MAIL_FROM,
    telegramApiUrl: e.UPKEEP_TELEGRAM_API_URL,
    twilioApiUrl: e.UPKEEP_TWILIO_API_URL,
    dnsServers: e.UPKEEP_DNS_SERVERS,
    wasteAuditConcurrency: e.UPKEEP_WASTE_AUDIT_CONCURRENCY,
    stripeApiUrl: e.UPKEEP_STRIPE_API_URL,
    paypalApiUrl: e.UPKEEP_PAYPAL_API_URL,
  });
}
