import { permissionsOf } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { systemActor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import { changedFields } from '../platform/audit/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { forbidden, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { isPrivateAddress } from '../platform/outbound/address-policy.ts';
import { createOutbound, type Outbound } from '../platform/outbound/client.ts';
import { ChannelError, type ChannelKind, type SendContext } from './channels/channel.ts';
import { CHANNEL_ADAPTERS, describeChannel, splitChannelSecrets, validateChannelConfig } from './channels/index.ts';
import * as store from './channels.store.ts';
import type { ChannelRecord } from './channels.store.ts';
import type { ChannelStatus } from './outbox.model.ts';
import { composeTestMessage } from './templates/compose.ts';

/**
 * Channels people set up: their own (access 'profile') or agency-wide and client-facing ones
 * (notifications:manage). Settings are checked by the kind's adapter when saved, secrets are
 * sealed at rest and never returned, and every change is audited with the secrets left out.
 */
type Ctx = ChangeContext & { actor: Actor };

export interface ChannelView {
  id: string;
  kind: ChannelKind;
  name: string;
  ownerUserId: string | null;
  clientId: string | null;
  /** The settings that are not secret. */
  config: Record<string, unknown>;
  /** Names of the secret settings that are set; their values are never sent back. */
  secretFields: string[];
  /** Where messages go, safe to show: "ops@example.com", "https://hooks.example.com/…". */
  target: string;
  status: ChannelStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  lastSentAt: string | null;
  ratePerMinute: number | null;
  createdAt: string;
  updatedAt: string;
}

const SECRET_AAD = 'channel-config';

export function canManage(actor: Actor): boolean {
  return permissionsOf(actor).has('notifications:manage');
}

/** The whole config of a channel, secrets opened: for sending and for describing, never for answering. */
export function openConfig(deps: Pick<Deps, 'secrets'>, channel: ChannelRecord): Record<string, unknown> {
  const secret = channel.sealedSecrets ? (JSON.parse(deps.secrets.decrypt(channel.sealedSecrets, [channel.id, SECRET_AAD])) as Record<string, unknown>) : {};
  return { ...channel.config, ...secret };
}

export function toView(deps: Pick<Deps, 'secrets'>, channel: ChannelRecord): ChannelView {
  let target: string = channel.kind;
  let secretFields: string[] = [];
  try {
    const full = openConfig(deps, channel);
    target = describeChannel(channel.kind, full);
    secretFields = CHANNEL_ADAPTERS[channel.kind].secretFields.filter((f) => full[f] !== undefined && full[f] !== null);
  } catch {
    // A secret sealed under another key: the channel is shown, and saving its settings again repairs it.
  }
  const { sealedSecrets: _sealed, rate: _rate, ...rest } = channel;
  return { ...rest, secretFields, target };
}

export async function getChannel(deps: Deps, actor: Actor, id: string): Promise<ChannelRecord> {
  const channel = await store.findChannel(deps.database.db, id);
  // Someone else's channel is "not found": its existence is not disclosed.
  if (!channel || !canSee(actor, channel)) throw notFound('channel', id);
  return channel;
}

function canSee(actor: Actor, channel: ChannelRecord): boolean {
  return canManage(actor) || (channel.ownerUserId !== null && channel.ownerUserId === actor.id);
}

export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  config: Record<string, unknown>;
  /** Omitted: the caller's own channel. Null: agency-wide (notifications:manage). */
  ownerUserId?: string | null | undefined;
  clientId?: string | null | undefined;
  ratePerMinute?: number | null | undefined;
}

export async function createChannel(deps: Deps, ctx: Ctx, input: ChannelInput): Promise<ChannelView> {
  const ownerUserId = input.ownerUserId === undefined ? ctx.actor.id : input.ownerUserId;
  await checkOwnership(deps, ctx.actor, ownerUserId, input.clientId ?? null);
  const config = checkConfig(deps, input.kind, input.config);
  const now = deps.now().toISOString();
  const id = newId('channel');
  const channel: ChannelRecord = {
    id,
    kind: input.kind,
    name: input.name,
    ownerUserId,
    clientId: input.clientId ?? null,
    ...seal(deps, id, input.kind, config),
    status: 'ok',
    statusReason: null,
    statusChangedAt: null,
    lastSentAt: null,
    ratePerMinute: input.ratePerMinute === undefined ? DEFAULT_RATE_PER_MINUTE : input.ratePerMinute,
    rate: { window: null, count: 0 },
    createdAt: now,
    updatedAt: now,
  };
  await change(deps, ctx, async (trx, audit) => {
    await store.insertChannel(trx, channel);
    await audit({ action: 'channel.created', entityType: 'channel', entityId: id, after: auditView(deps, channel) });
  });
  return toView(deps, channel);
}

/** Enough for a person's alerts; a flood (a hundred sites down) waits rather than getting the channel blocked. */
export const DEFAULT_RATE_PER_MINUTE = 30;

export interface ChannelPatch {
  name?: string | undefined;
  /** Merged into the current settings: a secret left out keeps its value. */
  config?: Record<string, unknown> | undefined;
  clientId?: string | null | undefined;
  ratePerMinute?: number | null | undefined;
}

export async function updateChannel(deps: Deps, ctx: Ctx, id: string, patch: ChannelPatch): Promise<ChannelView> {
  const before = await getChannel(deps, ctx.actor, id);
  if (patch.clientId !== undefined) await checkOwnership(deps, ctx.actor, before.ownerUserId, patch.clientId);
  const now = deps.now().toISOString();
  let after: ChannelRecord = { ...before, updatedAt: now };
  if (patch.name !== undefined) after.name = patch.name;
  if (patch.clientId !== undefined) after.clientId = patch.clientId;
  if (patch.ratePerMinute !== undefined) after.ratePerMinute = patch.ratePerMinute;
  if (patch.config !== undefined) {
    const config = checkConfig(deps, before.kind, { ...openConfig(deps, before), ...patch.config });
    // New settings are a fix: the channel is tried again instead of being skipped as broken.
    after = { ...after, ...seal(deps, id, before.kind, config), status: 'ok', statusReason: null, statusChangedAt: before.status === 'ok' ? before.statusChangedAt : now };
  }
  await change(deps, ctx, async (trx, audit) => {
    await store.updateChannel(trx, after);
    const diff = changedFields(auditView(deps, before), auditView(deps, after));
    await audit({ action: 'channel.updated', entityType: 'channel', entityId: id, ...diff });
  });
  return toView(deps, after);
}

export async function deleteChannel(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const before = await getChannel(deps, ctx.actor, id);
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteChannel(trx, id);
    await audit({ action: 'channel.deleted', entityType: 'channel', entityId: id, before: auditView(deps, before) });
  });
}

/** The audit log shows which secrets changed, never their values. */
function auditView(deps: Deps, channel: ChannelRecord) {
  const { config, secretFields, target, name, kind, ownerUserId, clientId, status, ratePerMinute } = toView(deps, channel);
  return { kind, name, ownerUserId, clientId, config, secretFields, target, status, ratePerMinute, secretsSealed: channel.sealedSecrets ? digestOf(channel.sealedSecrets) : null };
}

/** A short fingerprint of the sealed text: tells "the token changed" apart from "nothing changed". */
function digestOf(sealed: string): string {
  return sealed.slice(-12);
}

function seal(deps: Deps, id: string, kind: ChannelKind, config: Record<string, unknown>): Pick<ChannelRecord, 'config' | 'sealedSecrets'> {
  const { visible, secret } = splitChannelSecrets(kind, config);
  const sealedSecrets = Object.keys(secret).length > 0 ? deps.secrets.encrypt(JSON.stringify(secret), [id, SECRET_AAD]) : null;
  return { config: visible, sealedSecrets };
}

function checkConfig(deps: Deps, kind: ChannelKind, config: unknown): Record<string, unknown> {
  const checked = validateChannelConfig(kind, config, 'body.config');
  if (!checked.ok) throw invalid(checked.errors.map((e) => ({ ...e, field: e.field === 'kind' ? 'body.kind' : e.field })), 'The channel settings are not valid.');
  const privateErrors = deps.config.blockPrivateAddresses ? privateUrlErrors(checked.config) : [];
  if (privateErrors.length > 0) throw invalid(privateErrors, 'This server does not send to private addresses.');
  return checked.config;
}

/**
 * With private addresses blocked, a URL naming one (127.0.0.1, 10.x, localhost, metadata) is
 * refused when saved. A public name resolving to a private address is still stopped when sending.
 */
function privateUrlErrors(config: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(config)) {
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) continue;
    let host: string;
    try {
      host = new URL(value).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    } catch {
      continue;
    }
    if (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)) {
      errors.push({ field: `body.config.${field}`, message: 'points to a private or local address, which this server does not send to' });
    }
  }
  return errors;
}

async function checkOwnership(deps: Deps, actor: Actor, ownerUserId: string | null, clientId: string | null): Promise<void> {
  const manage = canManage(actor);
  if (!manage && ownerUserId !== actor.id) throw forbidden('Only people who manage notifications set up channels for others or for the whole agency.');
  if (!manage && clientId !== null) throw forbidden('Only people who manage notifications set up client-facing channels.');
  if (ownerUserId !== null && ownerUserId !== actor.id) {
    const user = await deps.database.db.selectFrom('users').select('id').where('id', '=', ownerUserId).executeTakeFirst();
    if (!user) throw invalid([{ field: 'body.ownerUserId', message: `No user with id ${ownerUserId}.` }]);
  }
  if (clientId !== null) {
    const client = await deps.database.db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
    if (!client) throw invalid([{ field: 'body.clientId', message: `No client with id ${clientId}.` }]);
  }
}

const outbounds = new WeakMap<Deps['config'], Outbound>();

/** What an adapter needs to send, from this installation's settings; one HTTP client per configuration. */
export function sendContext(deps: Deps, signal: AbortSignal): SendContext {
  let outbound = outbounds.get(deps.config);
  if (!outbound) {
    outbound = createOutbound({ timeoutMs: deps.config.outboundTimeoutMs, blockPrivateAddresses: deps.config.blockPrivateAddresses, userAgent: 'Upkeep notifications' });
    outbounds.set(deps.config, outbound);
  }
  const { smtpUrl, mailFrom, telegramApiUrl, twilioApiUrl } = deps.config;
  return { outbound, signal, now: deps.now, settings: { smtpUrl, mailFrom, telegramApiUrl, twilioApiUrl } };
}

export type TestResult =
  | { ok: true; providerMessageId: string | null; channel: ChannelView }
  | { ok: false; failure: 'temporary' | 'permanent'; reason: string; channel: ChannelView };

/** Sends a test message now. Success means the channel works: a broken or failing mark is cleared. */
export async function testChannel(deps: Deps, ctx: Ctx, id: string): Promise<TestResult> {
  const channel = await getChannel(deps, ctx.actor, id);
  const message = await composeTestMessage(deps, channel, `upkeep:test:${newId('delivery')}`);
  const adapter = CHANNEL_ADAPTERS[channel.kind];
  try {
    const receipt = await adapter.send(openConfig(deps, channel), message, sendContext(deps, AbortSignal.timeout(deps.config.outboundTimeoutMs * 2)));
    const now = deps.now();
    await change(deps, ctx, async (trx, audit) => {
      await store.touchLastSent(trx, id, now);
      if (await store.moveChannelStatus(trx, id, 'ok', null, now)) {
        await audit({ action: 'channel.repaired', entityType: 'channel', entityId: id, before: { status: channel.status, statusReason: channel.statusReason }, after: { status: 'ok' } });
      }
    });
    return { ok: true, providerMessageId: receipt.providerMessageId, channel: toView(deps, (await store.findChannel(deps.database.db, id)) ?? channel) };
  } catch (err) {
    const permanent = err instanceof ChannelError && err.permanent;
    return { ok: false, failure: permanent ? 'permanent' : 'temporary', reason: err instanceof Error ? err.message : String(err), channel: toView(deps, channel) };
  }
}

/** The system actor that marks channels broken and repaired from the delivery job. */
export const DELIVERY_ACTOR = systemActor('notifications.deliver');
