import { z } from 'zod';
import type { ChangeContext } from '../platform/audit/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { isCurrencyCode } from '../platform/money.ts';
import { isValidTimeZone, LOCALES } from './model.ts';
import * as store from './store.ts';

/**
 * The agency itself: its name, and the currency, language and time zone new clients and users
 * start with. Set at first-run setup, kept as one setting.
 */
export const agencySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    currency: z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code in capitals, such as EUR'),
    locale: z.enum(LOCALES),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Stockholm'),
  })
  .meta({ id: 'Agency' });

export type Agency = z.infer<typeof agencySchema>;

const AGENCY_KEY = 'agency';
const DEFAULT_AGENCY: Agency = { name: 'Upkeep', currency: 'EUR', locale: 'en', timeZone: 'UTC' };

export async function readAgency(deps: Deps): Promise<Agency> {
  const stored = await store.readSetting(deps.database.db, AGENCY_KEY);
  const parsed = stored ? agencySchema.safeParse(JSON.parse(stored)) : null;
  return parsed?.success ? parsed.data : DEFAULT_AGENCY;
}

export async function saveAgency(deps: Deps, ctx: ChangeContext, patch: Partial<Agency>): Promise<Agency> {
  const before = await readAgency(deps);
  const after = { ...before, ...patch };
  await change(deps, ctx, async (trx, audit) => {
    await store.writeSetting(trx, AGENCY_KEY, JSON.stringify(after), deps.now().toISOString());
    await audit({ action: 'agency.updated', entityType: 'agency', entityId: null, before, after });
  });
  return after;
}
