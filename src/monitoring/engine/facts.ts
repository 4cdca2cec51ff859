import type { Transaction } from 'kysely';
import { systemActor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { publishEvent } from '../../notifications/events.ts';
import { getAsset, updateAsset } from '../../registry/assets.service.ts';
import { createProvider } from '../../registry/parties.service.ts';
import { findProvidersByNames } from '../../registry/parties.store.ts';
import type { ProbeResult } from '../probes/probe.ts';
import type { EngineMonitor } from './monitor.ts';

/**
 * What certificate and domain checks learn beyond up or down: an expiry coming (a warning, given
 * once per certificate or expiry day) and the asset's expiry date and registrar in the registry.
 */
type Trx = Transaction<Schema>;
type MonitorFacts = Pick<EngineMonitor, 'id' | 'name' | 'assetId' | 'clientId' | 'projectId'>;

/** True when the result carries something this module acts on. */
export function hasFacts(result: ProbeResult): boolean {
  return result.certificate !== undefined || result.domain !== undefined;
}

async function firstNotice(trx: Trx, monitorId: string, kind: string, fact: string, now: Date): Promise<boolean> {
  const inserted = await trx
    .insertInto('monitor_notices')
    .values({ monitor_id: monitorId, kind, fact, at: now.toISOString() })
    .onConflict((oc) => oc.columns(['monitor_id', 'kind', 'fact']).doNothing())
    .returning('fact')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Publishes certificate.expiring / domain.expiring the first time a check warns about that expiry. */
export async function noticeExpiry(trx: Trx, m: MonitorFacts, result: ProbeResult, now: Date): Promise<void> {
  if (!result.warning) return;
  const common = { clientId: m.clientId, projectId: m.projectId, assetId: m.assetId, groupKey: null };
  const cert = result.certificate;
  if (cert && (await firstNotice(trx, m.id, 'certificate', cert.validTo, now))) {
    const host = typeof result.details?.host === 'string' ? result.details.host : (cert.altNames[0] ?? cert.subject);
    const data = { monitorId: m.id, monitorName: m.name, host, validTo: cert.validTo, daysLeft: cert.daysLeft, issuer: cert.issuer };
    await publishEvent(trx, { ...common, type: 'certificate.expiring', severity: 'high', subjectKey: `certificate:${m.id}`, data }, now);
  }
  const domain = result.domain;
  if (domain?.expiresOn && domain.daysLeft !== null && (await firstNotice(trx, m.id, 'domain', domain.expiresOn, now))) {
    const data = { monitorId: m.id, assetId: m.assetId, domain: domain.domain, expiresOn: domain.expiresOn, daysLeft: domain.daysLeft, registrar: domain.registrar };
    await publishEvent(trx, { ...common, type: 'domain.expiring', severity: 'high', subjectKey: `domain:${m.id}`, data }, now);
  }
}

/** The expiry day and registrar a check found, or null when it found none (a registry that does not publish expiry). */
export function assetFacts(result: ProbeResult): { expiresOn: string; registrar: string | null } | null {
  if (result.domain) {
    if (!result.domain.expiryPublished || !result.domain.expiresOn) return null;
    return { expiresOn: result.domain.expiresOn, registrar: result.domain.registrar };
  }
  if (result.certificate) return { expiresOn: result.certificate.validTo.slice(0, 10), registrar: null };
  return null;
}

const ACTOR = { actor: systemActor('monitoring'), requestId: null };

async function providerNamed(deps: Deps, name: string): Promise<string> {
  const [found] = await findProvidersByNames(deps.database.db, [name]);
  if (found) return found.id;
  try {
    return (await createProvider(deps, ACTOR, { name, kind: 'registrar' })).id;
  } catch {
    // Created by another worker at the same moment: use theirs.
    const [again] = await findProvidersByNames(deps.database.db, [name]);
    if (!again) throw new Error(`Provider ${name} could not be created`);
    return again.id;
  }
}

/**
 * Brings the linked asset's expiry date (and registrar) in line with what the check found, as an
 * audited change by the system. Returns the fact applied, so the caller can skip repeats.
 */
export async function linkAsset(deps: Deps, m: MonitorFacts, facts: { expiresOn: string; registrar: string | null }): Promise<void> {
  if (!m.assetId) return;
  const asset = await getAsset(deps, ACTOR.actor, m.assetId).catch(() => null);
  if (!asset || asset.status === 'retired') return;
  const patch: { expiresOn?: string; providerId?: string } = {};
  if (asset.expiresOn !== facts.expiresOn) patch.expiresOn = facts.expiresOn;
  if (facts.registrar) {
    const providerId = await providerNamed(deps, facts.registrar);
    if (asset.providerId !== providerId) patch.providerId = providerId;
  }
  if (Object.keys(patch).length > 0) await updateAsset(deps, ACTOR, m.assetId, patch);
}
