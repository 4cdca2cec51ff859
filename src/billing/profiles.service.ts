import { canSeeClient } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { notFound } from '../platform/http/problem.ts';
import { findClient } from '../registry/parties.store.ts';
import * as store from './profiles.store.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { BillingProfile } from './profiles.store.ts';

/**
 * A client's billing profile: the tax its lines default to, reverse charge, the VAT number and
 * address printed as the buyer, payment terms, and what the billing run reads. A client never
 * saved has the defaults (no tax, 14 days' terms, invoiced 30 days before a renewal).
 */
async function visibleClient(deps: Deps, actor: Actor, clientId: string): Promise<void> {
  const client = await findClient(deps.database.db, clientId);
  if (!client || !canSeeClient(actor, clientId)) throw notFound('client', clientId);
}

/** The stored profile, or the defaults for a client that has none. */
export async function profileOf(deps: Deps, clientId: string): Promise<store.BillingProfile> {
  return (await store.findProfile(deps.database.db, clientId)) ?? store.defaultProfile(clientId);
}

export async function getProfile(deps: Deps, actor: Actor, clientId: string): Promise<store.BillingProfile> {
  await visibleClient(deps, actor, clientId);
  return profileOf(deps, clientId);
}

export type ProfileInput = Omit<store.BillingProfile, 'clientId' | 'createdAt' | 'updatedAt'>;

export async function saveProfile(deps: Deps, ctx: Ctx, clientId: string, input: ProfileInput): Promise<store.BillingProfile> {
  await visibleClient(deps, ctx.actor, clientId);
  const before = await store.findProfile(deps.database.db, clientId);
  const now = deps.now().toISOString();
  const after = { ...input, clientId, createdAt: before?.createdAt ?? now, updatedAt: now };
  return change(deps, ctx, async (trx, audit) => {
    await store.saveProfile(trx, after);
    const diff = before ? changedFields(before, after) : { after: createdRecord(after) };
    await audit({ action: before ? 'billing-profile.updated' : 'billing-profile.created', entityType: 'billing-profile', entityId: clientId, ...diff });
    return after;
  });
}
