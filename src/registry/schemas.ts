import { z } from 'zod';
import { isCurrencyCode } from '../platform/money.ts';
import { ASSET_KINDS, ASSET_STATUSES, BILLING_CYCLES, isCalendarDate } from './assets.model.ts';
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
