import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { FieldError } from '../platform/http/problem.ts';
import type { Asset, AssetKind, AssetStatus, BillingCycle, CustomFieldValue } from './assets.model.ts';

/** What a person or an import gives to create or change an asset. */
export interface AssetInput {
  clientId: string;
  kind: AssetKind;
  name?: string | undefined;
  identifier: string;
  providerId?: string | null | undefined;
  status?: AssetStatus | undefined;
  expiresOn?: string | null | undefined;
  billingCycle?: BillingCycle | undefined;
  cycleMonths?: number | null | undefined;
  /** The asset's currency; cost and renewal price are in it. Defaults to the client's. */
  currency?: string | undefined;
  costAmount?: number | null | undefined;
  renewalAmount?: number | null | undefined;
  autoRenew?: boolean | undefined;
  ownerId?: string | null | undefined;
  projectIds?: string[] | undefined;
  tags?: string[] | undefined;
  notes?: string | undefined;
  customFields?: Record<string, CustomFieldValue> | undefined;
  /** New secret values by name; null removes one. */
  secrets?: Record<string, string | null> | undefined;
}

/** Tags are trimmed, lower-cased and unique, so "Client A" and "client a " are one tag. */
export function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].sort();
}

/**
 * Check that everything the asset refers to exists and fits together: the client, the
 * provider, a staff owner, projects of the same client. Adds a field error per problem and
 * returns the currency the asset will use.
 */
export async function checkAssetRefs(db: Kysely<Schema>, input: AssetInput, errors: FieldError[]): Promise<{ currency: string } | null> {
  const client = await db.selectFrom('clients').select(['id', 'currency']).where('id', '=', input.clientId).executeTakeFirst();
  if (!client) errors.push({ field: 'body.clientId', message: `No client with id ${input.clientId}.` });
  if (input.providerId) {
    const provider = await db.selectFrom('providers').select('id').where('id', '=', input.providerId).executeTakeFirst();
    if (!provider) errors.push({ field: 'body.providerId', message: `No provider with id ${input.providerId}.` });
  }
  if (input.ownerId) {
    const owner = await db.selectFrom('users').select(['id', 'role']).where('id', '=', input.ownerId).executeTakeFirst();
    if (!owner || owner.role === 'client') errors.push({ field: 'body.ownerId', message: `No staff user with id ${input.ownerId}.` });
  }
  const projectIds = input.projectIds ?? [];
  if (projectIds.length > 0) {
    const projects = await db.selectFrom('projects').select(['id', 'client_id']).where('id', 'in', projectIds).execute();
    for (const id of projectIds) {
      const project = projects.find((p) => p.id === id);
      if (!project) errors.push({ field: 'body.projectIds', message: `No project with id ${id}.` });
      else if (project.client_id !== input.clientId) errors.push({ field: 'body.projectIds', message: `Project ${id} belongs to another client.` });
    }
  }
  if (input.billingCycle === 'multi-year' && input.cycleMonths != null && input.cycleMonths < 13) {
    errors.push({ field: 'body.cycleMonths', message: 'A multi-year cycle is longer than 12 months.' });
  }
  return client ? { currency: input.currency ?? client.currency } : null;
}

/**
 * An asset has one currency for both prices. A change that prices one of them in another
 * currency must restate or clear the other, or that one would keep its number and silently
 * change currency (1200 EUR becoming 1200 SEK).
 */
export function currencyChangeErrors(before: Pick<Asset, 'currency' | 'costAmount' | 'renewalAmount'>, patch: Partial<AssetInput>): FieldError[] {
  if (!patch.currency || patch.currency === before.currency) return [];
  const message = `must be ${before.currency}, the currency of the other price; send both prices to change the currency`;
  const errors: FieldError[] = [];
  if (patch.costAmount != null && patch.renewalAmount === undefined && before.renewalAmount !== null) {
    errors.push({ field: 'body.cost.currency', message });
  }
  if (patch.renewalAmount != null && patch.costAmount === undefined && before.costAmount !== null) {
    errors.push({ field: 'body.renewalPrice.currency', message });
  }
  return errors;
}
