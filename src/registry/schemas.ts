import { z } from 'zod';
import { isCurrencyCode } from '../platform/money.ts';
import { page } from '../platform/http/responses.ts';
import { ASSET_KINDS, ASSET_STATUSES, BILLING_CYCLES, EXPIRING_WITHIN_DAYS, isCalendarDate } from './assets.model.ts';
import { ASSET_SORTS } from './assets.store.ts';
import { PROVIDER_KINDS } from './clients.model.ts';

/** Request and response shapes of the registry API; they also make the OpenAPI document. */
export const currency = z
  .string()
  .refine((c) => isCurrencyCode(c), 'must be an ISO 4217 currency code in capitals, such as EUR or SEK')
  .describe('ISO 4217 code');

export const calendarDate = z.string().refine(isCalendarDate, 'must be a real calendar date as YYYY-MM-DD').describe('YYYY-MM-DD');

export const money = z
  .strictObject({
    amount: z
      .number()
      .int('must be a whole number of minor units (9.99 EUR is 999)')
      .min(0, 'must not be negative')
      .max(1e12, 'is implausibly large'),
    currency,
  })
  .describe('An amount in minor units and its currency');

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const name = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const id = z.string().min(1).max(64);

export const contact = z.strictObject({
  name: text(200),
  email: z.email('must be an email address').optional(),
  phone: text(50).optional(),
  role: text(100).optional(),
});

export const clientBody = z.strictObject({
  name,
  contacts: z.array(contact).max(50).optional(),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as en or sv-SE').optional(),
  currency: currency.optional(),
  notes: text(10_000).optional(),
});
export const clientPatch = clientBody.partial().extend({ archived: z.boolean().optional() }).strict();

export const projectBody = z.strictObject({ clientId: id, name, managerId: id.nullable().optional(), notes: text(10_000).optional() });
export const projectPatch = projectBody.omit({ clientId: true }).partial().extend({ archived: z.boolean().optional() }).strict();

export const providerBody = z.strictObject({
  name,
  kind: z.enum(PROVIDER_KINDS),
  website: z.url('must be a URL').max(500).nullable().optional(),
  accountReference: text(300).nullable().optional(),
  notes: text(10_000).optional(),
});
export const providerPatch = providerBody.partial().strict();

const customFields = z
  .record(z.string().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 custom fields');

const assetFields = z.strictObject({
  clientId: id,
  kind: z.enum(ASSET_KINDS),
  name: name.optional(),
  identifier: z.string().trim().min(1, 'must not be empty').max(500),
  providerId: id.nullable().optional(),
  status: z.enum(ASSET_STATUSES).optional(),
  expiresOn: calendarDate.nullable().optional(),
  billingCycle: z.enum(BILLING_CYCLES).optional(),
  cycleMonths: z.number().int().min(13).max(240).nullable().optional(),
  cost: money.nullable().optional(),
  renewalPrice: money.nullable().optional(),
  autoRenew: z.boolean().optional(),
  ownerId: id.nullable().optional(),
  projectIds: z.array(id).max(100).optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  notes: text(10_000).optional(),
  customFields: customFields.optional(),
  secrets: z
    .record(z.string().regex(/^[\w.-]{1,64}$/, 'secret names are letters, digits, dot, dash'), z.string().max(10_000).nullable())
    .optional(),
});

type MoneyPair = { cost?: { currency: string } | null | undefined; renewalPrice?: { currency: string } | null | undefined };
const sameCurrency = (a: MoneyPair) => !a.cost || !a.renewalPrice || a.cost.currency === a.renewalPrice.currency;
const sameCurrencyError = { message: 'cost and renewal price must be in the same currency', path: ['renewalPrice', 'currency'] };

export const assetBody = assetFields.refine(sameCurrency, sameCurrencyError);
export const assetPatch = assetFields.partial().refine(sameCurrency, sameCurrencyError);

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

const sortValues = Object.keys(ASSET_SORTS).flatMap((k) => [k, `-${k}`]) as [string, ...string[]];

export const assetQuery = z.strictObject({
  clientId: id.optional(),
  projectId: id.optional(),
  ownerId: id.optional().describe("a user id, or 'none' for assets without an owner"),
  providerId: id.optional(),
  kind: csvOf(ASSET_KINDS).optional().describe('one or more kinds, comma-separated'),
  status: csvOf(ASSET_STATUSES).optional().describe('one or more statuses as shown today, comma-separated'),
  tag: z.string().max(50).optional(),
  q: z.string().max(200).optional().describe('words that name, identifier, tags or notes start with'),
  expiresWithin: z
    .string()
    .regex(/^\d{1,4}d?$/, "must be a number of days such as 30d")
    .transform((v) => Number.parseInt(v, 10))
    .optional(),
  includeRetired: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(sortValues).default('expiresOn'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  includeArchived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  clientId: id.optional(),
  kind: z.enum(PROVIDER_KINDS).optional(),
});

export const idParams = z.strictObject({ id });

// ---------------------------------------------------------------------------------------------
// Responses. The serializer checks every answer against these, so they are as lenient as the
// data (`z.object`, nullable where a value can be null) and name every field: `z.object` drops
// the ones it does not name.

const instant = z.string().describe('An instant, ISO 8601 in UTC');

export const moneyView = z
  .object({ amount: z.number().int().describe('Minor units: 9.99 EUR is 999'), currency: z.string().describe('ISO 4217 code') })
  .meta({ id: 'Money', description: 'An amount in minor units and its currency' });

export const costByCurrency = z
  .array(moneyView)
  .describe('Yearly cost of the live assets, one total per currency: amounts in different currencies are never added up');

export const contactView = z
  .object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), role: z.string().optional() })
  .meta({ id: 'Contact', description: 'A person at a client' });

export const clientView = z
  .object({
    id: z.string(),
    name: z.string(),
    contacts: z.array(contactView),
    locale: z.string(),
    currency: z.string().describe('ISO 4217 code of the currency the client is billed in'),
    notes: z.string(),
    createdAt: instant,
    updatedAt: instant,
    archivedAt: instant.nullable(),
  })
  .meta({ id: 'Client', description: 'A client of the agency' });

export const clientDetail = clientView
  .extend({ yearlyCost: costByCurrency, assetCount: z.number().int().describe('Assets of the client that are not retired') })
  .meta({ id: 'ClientDetail', description: 'A client with its yearly cost and number of assets' });

export const projectView = z
  .object({
    id: z.string(),
    clientId: z.string(),
    name: z.string(),
    managerId: z.string().nullable(),
    notes: z.string(),
    createdAt: instant,
    updatedAt: instant,
    archivedAt: instant.nullable(),
  })
  .meta({ id: 'Project', description: "A project of a client; assets may belong to several" });

export const projectDetail = projectView
  .extend({ yearlyCost: costByCurrency })
  .meta({ id: 'ProjectDetail', description: 'A project with the yearly cost of its assets' });

export const providerView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PROVIDER_KINDS),
    website: z.string().nullable(),
    accountReference: z.string().nullable(),
    notes: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Provider', description: 'A registrar, host, certificate authority or vendor' });

export const providerDetail = providerView
  .extend({ yearlyCost: costByCurrency.describe("Yearly cost of the assets at this provider, per currency; empty for client-portal users, who do not see other clients' spending") })
  .meta({ id: 'ProviderDetail', description: 'A provider with the yearly cost of the assets there' });

export const assetView = z
  .object({
    id: z.string(),
    clientId: z.string(),
    kind: z.enum(ASSET_KINDS),
    name: z.string(),
    identifier: z.string().describe('The domain name, host name, licence number, …'),
    providerId: z.string().nullable(),
    status: z.enum(ASSET_STATUSES).describe(`The status as of today: an active asset within ${EXPIRING_WITHIN_DAYS} days of its date shows as expiring, past it as expired`),
    storedStatus: z.enum(ASSET_STATUSES).describe('The status as recorded'),
    expiresOn: z.string().nullable().describe('The next renewal or expiry day, YYYY-MM-DD'),
    daysUntilRenewal: z.number().int().nullable().describe('Days from today to expiresOn, negative once past; null without a date'),
    billingCycle: z.enum(BILLING_CYCLES),
    cycleMonths: z.number().int().nullable().describe('Months per cycle for multi-year'),
    currency: z.string().describe('ISO 4217 code of every amount of the asset'),
    cost: moneyView.nullable().describe('What one cycle costs now'),
    renewalPrice: moneyView.nullable().describe('What the next renewal will cost'),
    yearlyCost: moneyView.describe('What the asset costs per year; zero for one-off, cancelled and retired assets and those without a price'),
    autoRenew: z.boolean(),
    ownerId: z.string().nullable(),
    projectIds: z.array(z.string()),
    tags: z.array(z.string()),
    notes: z.string(),
    customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    secretNames: z.array(z.string()).describe('Names of the secrets held; a value is only given out by the audited reveal'),
    createdAt: instant,
    updatedAt: instant,
    retiredAt: instant.nullable(),
  })
  .meta({ id: 'Asset', description: 'A renewable thing of a client, with its money and the views derived from today' });

export const revealedSecret = z
  .object({ name: z.string(), value: z.string().describe('The secret in plain text; the reveal is in the audit log') })
  .meta({ id: 'RevealedSecret', description: 'One secret of an asset, revealed' });

export const clientPage = page(clientView, 'ClientPage', 'clients, by name');
export const projectPage = page(projectView, 'ProjectPage', 'projects, by name');
export const providerPage = page(providerView, 'ProviderPage', 'providers, by name');
export const assetPage = page(assetView, 'AssetPage', 'assets, in the order asked for');

const renewalCost = z.array(moneyView).describe('What the renewals will cost (renewal price, else cost), one total per currency');

export const attentionView = z
  .object({
    renewing: z.array(
      z.object({ days: z.number().int().describe('The window: renewing within this many days'), count: z.number().int(), cost: renewalCost }),
    ),
    expired: z.number().int().describe('Assets past their date, as the status filter `expired` shows them'),
    unowned: z.number().int().describe('Live assets without an owner'),
  })
  .meta({ id: 'Attention', description: 'What needs attention: renewals due soon, expired and unowned assets' });

export const timelineView = z
  .object({
    months: z.array(z.object({ month: z.string().describe('YYYY-MM'), count: z.number().int(), cost: renewalCost })).describe('This month first'),
  })
  .meta({ id: 'RenewalTimeline', description: 'Renewals of the coming months, grouped by month' });

export const bulkResult = z
  .object({ updated: z.number().int().describe('How many assets changed'), items: z.array(assetView).describe('The changed assets, as they are now') })
  .meta({ id: 'AssetBulkResult', description: 'The assets one bulk change touched (all of them, or none on an error)' });
