import * as accountStore from '../../accounts/store.ts';
import type { Actor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { invalid, notFound } from '../../platform/http/problem.ts';
import { DEFAULT_BILLING_SETTINGS, GATEWAY_NAMES, settingsProblems, type BillingSettings, type GatewayName } from './settings.model.ts';
import * as store from './settings.store.ts';

/**
 * The agency's payment settings and each gateway's credentials. Secrets (Stripe's secret key and
 * webhook signing secrets, PayPal's client secret) are sealed with the installation's key, bound
 * to the gateway's name, never returned and never audited: the audit says which secrets changed.
 */
type Ctx = ChangeContext & { actor: Actor };

const SETTINGS_KEY = 'billing';
const SECRET_AAD = 'billing-gateway';

/** What each gateway keeps in the clear and what it seals. */
const SECRET_FIELDS: Record<GatewayName, readonly string[]> = { stripe: ['secretKey', 'webhookSecrets'], paypal: ['clientSecret'] };
const PLAIN_FIELDS: Record<GatewayName, readonly string[]> = { stripe: [], paypal: ['clientId', 'webhookId'] };
/** Without these a gateway cannot charge. */
const REQUIRED: Record<GatewayName, readonly string[]> = { stripe: ['secretKey', 'webhookSecrets'], paypal: ['clientId', 'clientSecret', 'webhookId'] };

export interface GatewayView {
  name: GatewayName;
  configured: boolean;
  config: Record<string, unknown>;
  /** Names of the secrets that are set; their values are never sent back. */
  secretFields: string[];
  /** Where to point the gateway's webhook. */
  webhookUrl: string;
  updatedAt: string | null;
}

export async function readBillingSettings(deps: Deps): Promise<BillingSettings> {
  const stored = await accountStore.readSetting(deps.database.db, SETTINGS_KEY);
  return stored ? { ...DEFAULT_BILLING_SETTINGS, ...(JSON.parse(stored) as Partial<BillingSettings>) } : { ...DEFAULT_BILLING_SETTINGS };
}

/** A gateway's full settings, secrets opened: for talking to it, never for answering. */
export async function gatewayCredentials(deps: Deps, name: GatewayName): Promise<Record<string, unknown> | null> {
  const record = await store.findGateway(deps.database.db, name);
  if (!record) return null;
  const secrets = record.sealedSecrets ? (JSON.parse(deps.secrets.decrypt(record.sealedSecrets, [name, SECRET_AAD])) as Record<string, unknown>) : {};
  return { ...record.config, ...secrets };
}

export async function configuredGateways(deps: Deps): Promise<Set<GatewayName>> {
  const names = new Set<GatewayName>();
  for (const name of GATEWAY_NAMES) {
    const credentials = await gatewayCredentials(deps, name);
    if (credentials && REQUIRED[name].every((f) => isSet(credentials[f]))) names.add(name);
  }
  return names;
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

export async function gatewayView(deps: Deps, name: GatewayName): Promise<GatewayView> {
  const record = await store.findGateway(deps.database.db, name);
  const credentials = (await gatewayCredentials(deps, name)) ?? {};
  return {
    name,
    configured: REQUIRED[name].every((f) => isSet(credentials[f])),
    config: record?.config ?? {},
    secretFields: SECRET_FIELDS[name].filter((f) => isSet(credentials[f])),
    webhookUrl: new URL(`/api/v1/billing/webhooks/${name}`, deps.config.publicUrl).toString(),
    updatedAt: record?.updatedAt ?? null,
  };
}

export async function saveBillingSettings(deps: Deps, ctx: Ctx, input: BillingSettings): Promise<BillingSettings> {
  const problems = settingsProblems(input, await configuredGateways(deps));
  if (Object.keys(problems).length > 0) throw invalid(Object.entries(problems).map(([field, message]) => ({ field: `body.${field}`, message })));
  const before = await readBillingSettings(deps);
  return change(deps, ctx, async (trx, audit) => {
    await accountStore.writeSetting(trx, SETTINGS_KEY, JSON.stringify(input), deps.now().toISOString());
    await audit({ action: 'billing-settings.updated', entityType: 'billing-settings', entityId: null, before, after: input });
    return input;
  });
}

/**
 * Saves a gateway's credentials. A secret left out keeps its stored value, so a form can change
 * the client id without asking for the secret again; `null` removes it.
 */
export async function saveGateway(deps: Deps, ctx: Ctx, name: GatewayName, input: Record<string, unknown>): Promise<GatewayView> {
  const before = await store.findGateway(deps.database.db, name);
  const current = (await gatewayCredentials(deps, name)) ?? {};
  const merged: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(input)) if (value !== undefined) merged[field] = value;
  const config = Object.fromEntries(PLAIN_FIELDS[name].filter((f) => isSet(merged[f])).map((f) => [f, merged[f]]));
  const secrets = Object.fromEntries(SECRET_FIELDS[name].filter((f) => isSet(merged[f])).map((f) => [f, merged[f]]));
  const now = deps.now().toISOString();
  const changedSecrets = SECRET_FIELDS[name].filter((f) => input[f] !== undefined);
  await change(deps, ctx, async (trx, audit) => {
    await store.saveGateway(trx, {
      name,
      config,
      sealedSecrets: Object.keys(secrets).length > 0 ? deps.secrets.encrypt(JSON.stringify(secrets), [name, SECRET_AAD]) : null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    });
    await audit({ action: before ? 'payment-gateway.updated' : 'payment-gateway.created', entityType: 'payment-gateway', entityId: name, before: before ? { config: before.config } : null, after: { config, secretsChanged: changedSecrets } });
  });
  return gatewayView(deps, name);
}

export async function removeGateway(deps: Deps, ctx: Ctx, name: GatewayName): Promise<void> {
  const before = await store.findGateway(deps.database.db, name);
  if (!before) throw notFound('payment gateway', name);
  const settings = await readBillingSettings(deps);
  if (settings.primaryGateway === name || settings.fallbackGateway === name) {
    throw invalid([{ field: 'params.name', message: `${name} is the ${settings.primaryGateway === name ? 'primary' : 'fallback'} gateway: choose another in the billing settings first` }]);
  }
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteGateway(trx, name);
    await audit({ action: 'payment-gateway.removed', entityType: 'payment-gateway', entityId: name, before: { config: before.config }, after: null });
  });
}
