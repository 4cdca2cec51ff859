import { canSeeClient } from '../../accounts/authorization.ts';
import type { Actor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { findClient } from '../../registry/parties.store.ts';
import type { SavedMethod } from '../gateways/gateway.ts';
import { askGateway, gatewayOf } from './gateways.service.ts';
import * as store from './methods.store.ts';
import type { GatewayName } from './settings.model.ts';
import { readBillingSettings } from './settings.service.ts';

/**
 * A client's saved payment methods. They are saved on the gateway's hosted page — Upkeep never
 * sees a card number — and mirrored here with a label ("Visa ·· 4242") and the expiry, which the
 * card-expiry check needs. The gateway is the truth: after a hosted page returns, and when its
 * webhooks say a method changed, the client's methods are read again from the gateway.
 */
type Ctx = ChangeContext & { actor: Actor };
export type { PaymentMethodRecord } from './methods.store.ts';

export async function visibleClient(deps: Deps, actor: Actor, clientId: string) {
  const client = await findClient(deps.database.db, clientId);
  if (!client || !canSeeClient(actor, clientId)) throw notFound('client', clientId);
  return client;
}

/** The client's customer at the gateway, created there the first time. */
export async function ensureCustomer(deps: Deps, clientId: string, name: GatewayName): Promise<string> {
  const known = await store.customerRef(deps.database.db, clientId, name);
  if (known) return known;
  const client = (await findClient(deps.database.db, clientId))!;
  const email = client.contacts.find((c) => c.email)?.email ?? null;
  const ref = await (await gatewayOf(deps, name)).ensureCustomer({ id: client.id, name: client.name, email });
  return store.saveCustomerRef(deps.database.db, clientId, name, ref, deps.now().toISOString());
}

async function gatewayToUse(deps: Deps, asked: GatewayName | undefined): Promise<GatewayName> {
  const name = asked ?? (await readBillingSettings(deps)).primaryGateway;
  if (!name) throw conflict('No payment gateway is set up yet: the agency chooses one in the billing settings.');
  return name;
}

/** Opens the gateway's hosted page for saving a method; the client comes back to the methods page. */
export async function startMethodSetup(deps: Deps, ctx: Ctx, clientId: string, asked?: GatewayName): Promise<{ setupId: string; url: string }> {
  await visibleClient(deps, ctx.actor, clientId);
  const name = await gatewayToUse(deps, asked);
  const setupId = newId('methodSetup');
  // Back to the web app's methods page, which asks the API to take what was saved (POST …/finish).
  const returnUrl = new URL(`/billing/methods?setup=${setupId}`, deps.config.publicUrl).toString();
  const page = await askGateway(name, async () => (await gatewayOf(deps, name)).startSavingMethod(await ensureCustomer(deps, clientId, name), returnUrl));
  await change(deps, ctx, async (trx, audit) => {
    await store.insertSetup(trx, { id: setupId, clientId, gateway: name, sessionRef: page.sessionRef, state: 'started', methodId: null, createdBy: ctx.actor.id ?? null, createdAt: deps.now().toISOString() });
    await audit({ action: 'payment-method.setup-started', entityType: 'client', entityId: clientId, before: null, after: { gateway: name, setupId } });
  });
  return { setupId, url: page.url };
}

/** The client is back from the hosted page: take what it saved (PayPal needs a last step) and read the methods again. */
export async function finishMethodSetup(deps: Deps, ctx: Ctx, setupId: string): Promise<{ clientId: string; methods: store.PaymentMethodRecord[] }> {
  const setup = await store.findSetup(deps.database.db, setupId);
  if (!setup || !canSeeClient(ctx.actor, setup.clientId)) throw notFound('method setup', setupId);
  if (setup.state === 'started') await askGateway(setup.gateway, () => takeSavedMethod(deps, ctx, setup));
  return { clientId: setup.clientId, methods: await store.methodsOf(deps.database.db, setup.clientId) };
}

async function takeSavedMethod(deps: Deps, ctx: Ctx, setup: store.MethodSetupRecord): Promise<void> {
  const gateway = await gatewayOf(deps, setup.gateway);
  const customer = await ensureCustomer(deps, setup.clientId, setup.gateway);
  const saved = gateway.finishSavingMethod ? await gateway.finishSavingMethod(setup.sessionRef, customer) : null;
  const methods = await syncMethods(deps, ctx, setup.clientId, setup.gateway, saved ? [saved] : []);
  const chosen = saved ? methods.find((m) => m.methodRef === saved.ref) : methods.at(-1);
  await store.finishSetup(deps.database.db, setup.id, 'finished', chosen?.id ?? null, deps.now().toISOString());
}

/**
 * Mirrors the gateway's list of the client's methods: new ones are added, changed ones refreshed,
 * ones gone from the gateway removed. The first method becomes the default. `extra` are methods
 * the gateway just returned that its list may not show yet.
 */
export async function syncMethods(deps: Deps, ctx: ChangeContext, clientId: string, name: GatewayName, extra: SavedMethod[] = []): Promise<store.PaymentMethodRecord[]> {
  const customer = await ensureCustomer(deps, clientId, name);
  const listed = await (await gatewayOf(deps, name)).listMethods(customer);
  const atGateway = new Map([...extra, ...listed].map((m) => [m.ref, m]));
  const now = deps.now().toISOString();
  await change(deps, ctx, async (trx, audit) => {
    const kept = (await store.methodsOf(trx, clientId)).filter((m) => m.gateway === name);
    for (const method of kept) {
      if (atGateway.has(method.methodRef)) continue;
      await store.removeMethod(trx, method.id, now);
      await audit({ action: 'payment-method.removed', entityType: 'client', entityId: clientId, before: { id: method.id, label: method.label }, after: null });
    }
    for (const saved of atGateway.values()) await upsertMethod(trx, audit, clientId, name, saved, now);
    const methods = await store.methodsOf(trx, clientId);
    if (methods.length > 0 && !methods.some((m) => m.isDefault)) await store.makeDefault(trx, clientId, methods[0]!.id, now);
  });
  return store.methodsOf(deps.database.db, clientId);
}

type Trx = Parameters<typeof store.insertMethod>[0];
type Audit = Parameters<Parameters<typeof change>[2]>[1];

async function upsertMethod(trx: Trx, audit: Audit, clientId: string, name: GatewayName, saved: SavedMethod, now: string): Promise<void> {
  const known = await store.findMethodByRef(trx, name, saved.ref);
  if (known) {
    if (known.removed || known.label !== saved.label || known.expMonth !== saved.expMonth || known.expYear !== saved.expYear) await store.refreshMethod(trx, known.id, saved, now);
    return;
  }
  const id = newId('paymentMethod');
  await store.insertMethod(trx, { id, clientId, gateway: name, methodRef: saved.ref, kind: saved.kind, label: saved.label, expMonth: saved.expMonth, expYear: saved.expYear, isDefault: false, createdAt: now, updatedAt: now });
  await audit({ action: 'payment-method.saved', entityType: 'client', entityId: clientId, before: null, after: { id, gateway: name, label: saved.label } });
}

export async function listMethods(deps: Deps, actor: Actor, clientId: string): Promise<store.PaymentMethodRecord[]> {
  await visibleClient(deps, actor, clientId);
  return store.methodsOf(deps.database.db, clientId);
}

async function clientMethod(deps: Deps, actor: Actor, clientId: string, methodId: string): Promise<store.PaymentMethodRecord> {
  await visibleClient(deps, actor, clientId);
  const method = await store.findMethod(deps.database.db, methodId);
  if (!method || method.clientId !== clientId) throw notFound('payment method', methodId);
  return method;
}

export async function makeDefault(deps: Deps, ctx: Ctx, clientId: string, methodId: string): Promise<store.PaymentMethodRecord[]> {
  const method = await clientMethod(deps, ctx.actor, clientId, methodId);
  await change(deps, ctx, async (trx, audit) => {
    await store.makeDefault(trx, clientId, methodId, deps.now().toISOString());
    await audit({ action: 'payment-method.made-default', entityType: 'client', entityId: clientId, before: null, after: { id: methodId, label: method.label } });
  });
  return store.methodsOf(deps.database.db, clientId);
}

/** Upkeep stops charging it; the gateway keeps it until the client removes it there. */
export async function removeMethod(deps: Deps, ctx: Ctx, clientId: string, methodId: string): Promise<store.PaymentMethodRecord[]> {
  const method = await clientMethod(deps, ctx.actor, clientId, methodId);
  const now = deps.now().toISOString();
  await change(deps, ctx, async (trx, audit) => {
    await store.removeMethod(trx, methodId, now);
    const rest = await store.methodsOf(trx, clientId);
    if (method.isDefault && rest[0]) await store.makeDefault(trx, clientId, rest[0].id, now);
    await audit({ action: 'payment-method.removed', entityType: 'client', entityId: clientId, before: { id: methodId, label: method.label }, after: null });
  });
  return store.methodsOf(deps.database.db, clientId);
}

/** The method to charge at a gateway: the client's default if it is there, else its newest there. */
export async function methodToCharge(deps: Deps, clientId: string, name: GatewayName): Promise<store.PaymentMethodRecord | null> {
  const methods = (await store.methodsOf(deps.database.db, clientId)).filter((m) => m.gateway === name);
  return methods.find((m) => m.isDefault) ?? methods.at(-1) ?? null;
}
