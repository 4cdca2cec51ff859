/**
 * Waste audit: assets that cost money but look unused, with the evidence and what cancelling
 * would save per year. Pure rules over facts gathered elsewhere (DNS, pages, monitors, registry).
 *
 * A fact that could not be gathered is null and is reported as unknown; it never counts as
 * evidence of waste, because cancelling a live domain on a failed lookup costs far more than
 * the renewal it saves.
 */
import { domainToASCII } from 'node:url';
import type { AssetKind, AssetStatus } from '../registry/assets.model.ts';
import type { Money } from '../platform/money.ts';
import type { WasteCode } from './waste-codes.model.ts';

export interface DnsFacts {
  /** Whether the parent zone delegates the domain to name servers; null when the lookup failed. */
  delegated: boolean | null;
  a: string[];
  aaaa: string[];
  mx: string[];
}

export interface PageFacts {
  parked: boolean;
  evidence: string[];
}

export interface LinkedProject {
  projectId: string;
  /** What evidence shows a person; the id when left out. */
  name?: string;
  /** An archived project is finished or retired: nothing should still be paid for it. */
  archived: boolean;
}

export interface WasteFacts {
  assetId: string;
  clientId: string;
  kind: AssetKind;
  identifier: string;
  /** Orders duplicates: the first recorded is the one kept. */
  createdAt: string;
  /** From `yearlyCost()` of the registry; null when the asset has no price recorded. */
  yearlyCost: Money | null;
  autoRenew: boolean;
  status: AssetStatus;
  projects: LinkedProject[];
  /** Domains only; null when not looked up or the lookup failed. */
  dns: DnsFacts | null;
  /** What the domain's web address serves; null when not fetched. */
  page: PageFacts | null;
  /** Monitors linked to the asset. */
  monitors: { up: boolean }[];
  /** Hosting only: domains whose records point at its address; null when its address is unknown. */
  pointingDomains: string[] | null;
}

export { WASTE_CODES, type WasteCode } from './waste-codes.model.ts';

export interface WasteReason {
  code: WasteCode;
  evidence: string[];
  /** For `duplicate`: the asset recorded first, which is kept. */
  duplicateOf?: string;
}

export interface WasteDecision {
  assetId: string;
  decision: 'keep' | 'cancel';
  /** ISO instant. */
  decidedAt: string;
  /** How long a "keep" silences the asset; 180 days when not given. */
  keepForDays?: number;
}

export const DEFAULT_KEEP_FOR_DAYS = 180;

export interface WasteItem {
  assetId: string;
  clientId: string;
  kind: AssetKind;
  identifier: string;
  /** `open` waits for a decision; `cancel-decided` stays listed until the asset is retired. */
  state: 'open' | 'cancel-decided';
  reasons: WasteReason[];
  /** Facts that could not be gathered, so some reasons may be missing. */
  unknown: string[];
  /** Null when the asset has no price recorded: the saving is unknown, not zero. */
  yearlySaving: Money | null;
}

export interface AssetCheck {
  reasons: WasteReason[];
  unknown: string[];
}

const MS_PER_DAY = 86_400_000;

/** The audit over all assets of one or more clients: one item per asset that looks wasted or is being cancelled. */
export function findWaste(facts: WasteFacts[], decisions: WasteDecision[], now: Date): WasteItem[] {
  const latest = latestDecisions(decisions);
  const live = facts.filter((f) => !isGone(f, latest.get(f.assetId)));
  // A cancelled record is not the one kept, nor a second copy of it.
  const duplicates = findDuplicates(live.filter((f) => f.status !== 'cancelled'));
  const items: WasteItem[] = [];
  for (const asset of live) {
    const check = checkAsset(asset);
    const duplicate = duplicates.get(asset.assetId);
    if (duplicate) check.reasons.push(duplicate);
    const state = itemState(check.reasons.length > 0, latest.get(asset.assetId), now);
    if (state) items.push(toItem(asset, check, state));
  }
  return items;
}

/** The reasons one asset, on its own, looks wasted, and what could not be checked. */
export function checkAsset(asset: WasteFacts): AssetCheck {
  const check: AssetCheck = { reasons: [], unknown: [] };
  if (asset.kind === 'domain') checkDomain(asset, check);
  if (asset.kind === 'hosting') checkHosting(asset, check);
  if (asset.kind === 'licence' || asset.kind === 'subscription') checkProjects(asset, check);
  checkAutoRenew(asset, check);
  if (asset.yearlyCost === null) check.unknown.push('yearly cost: no price recorded');
  return check;
}

/**
 * Retired and cancelled assets cost nothing any more, so they are neither waste nor duplicates.
 * Except: cancelling on the audit's advice sets the status to cancelled at once, and the item must
 * stay listed as cancel-decided until someone confirms it is gone by retiring the asset.
 */
function isGone(asset: WasteFacts, decision: WasteDecision | undefined): boolean {
  if (asset.status === 'cancelled') return decision?.decision !== 'cancel';
  return asset.status === 'retired';
}

function checkDomain(asset: WasteFacts, check: AssetCheck): void {
  const dns = asset.dns;
  if (dns === null) check.unknown.push('DNS: not looked up');
  else checkDns(dns, check);
  // A domain DNS says has no address serves no page: nothing is missing then.
  const pageExpected = dns === null || dns.a.length + dns.aaaa.length > 0;
  if (asset.page === null) {
    if (pageExpected) check.unknown.push('web page: not fetched');
  } else if (asset.page.parked) check.reasons.push({ code: 'domain-parked', evidence: asset.page.evidence });
}

function checkDns(dns: DnsFacts, check: AssetCheck): void {
  if (dns.delegated === false) {
    check.reasons.push({ code: 'domain-not-delegated', evidence: ['the parent zone delegates it to no name servers'] });
    return;
  }
  const records = dns.a.length + dns.aaaa.length + dns.mx.length;
  // Empty answers only mean "no records" when the domain is known to be delegated; otherwise
  // the lookup itself may have failed.
  if (dns.delegated === null && records === 0) check.unknown.push('DNS delegation: lookup failed');
  if (dns.delegated === true && records === 0) {
    check.reasons.push({ code: 'domain-no-records', evidence: ['delegated, but has no A, AAAA or MX records'] });
  }
}

function checkHosting(asset: WasteFacts, check: AssetCheck): void {
  const up = asset.monitors.filter((m) => m.up).length;
  if (up > 0) return;
  if (asset.pointingDomains === null) {
    check.unknown.push('hosting address: unknown, so pointing domains were not checked');
    return;
  }
  if (asset.pointingDomains.length > 0) return;
  const monitors = asset.monitors.length === 0 ? 'no monitor is linked' : `none of its ${asset.monitors.length} monitors is up`;
  check.reasons.push({ code: 'hosting-no-live-site', evidence: [monitors, 'no domain points at its address'] });
}

function checkProjects(asset: WasteFacts, check: AssetCheck): void {
  if (asset.projects.some((p) => !p.archived)) return;
  const evidence =
    asset.projects.length === 0
      ? ['linked to no project']
      : [`linked only to archived projects: ${asset.projects.map(projectLabel).join(', ')}`];
  check.reasons.push({ code: 'no-active-project', evidence });
}

function checkAutoRenew(asset: WasteFacts, check: AssetCheck): void {
  // Without any project there is no retired project to speak of; that case is `no-active-project`.
  if (!asset.autoRenew || asset.projects.length === 0 || asset.projects.some((p) => !p.archived)) return;
  const archived = asset.projects.map(projectLabel).join(', ');
  check.reasons.push({ code: 'auto-renew-retired-project', evidence: [`auto-renew is on, but its projects are archived: ${archived}`] });
}

function projectLabel(project: LinkedProject): string {
  return project.name ? `"${project.name}"` : project.projectId;
}

/** Why a later record is a duplicate, in words: the record kept is named by what a person typed. */
export function duplicateEvidence(kind: AssetKind, firstIdentifier: string): string {
  return `the same ${kind} as "${firstIdentifier}", recorded earlier`;
}

/**
 * The form two records of the same thing share: case, a trailing dot, a leading `www.`, a scheme
 * and a trailing slash dropped, and names in Unicode written as punycode (`bücher.se` and
 * `xn--bcher-kva.se` are one domain).
 */
export function normalizeIdentifier(identifier: string): string {
  const plain = identifier
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/\/+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  // domainToASCII gives '' for what is no host name (a licence key with spaces); keep those as typed.
  return domainToASCII(plain) || plain;
}

/** Assets recorded more than once for the same client: every record after the first, with a reference to it. */
function findDuplicates(assets: WasteFacts[]): Map<string, WasteReason> {
  const groups = new Map<string, WasteFacts[]>();
  for (const asset of assets) {
    const identifier = normalizeIdentifier(asset.identifier);
    if (identifier === '') continue;
    const key = JSON.stringify([asset.clientId, asset.kind, identifier]);
    groups.set(key, [...(groups.get(key) ?? []), asset]);
  }
  const reasons = new Map<string, WasteReason>();
  for (const group of groups.values()) {
    const [first, ...later] = [...group].sort(byRecorded);
    if (!first) continue;
    for (const asset of later) {
      const evidence = [duplicateEvidence(asset.kind, first.identifier)];
      reasons.set(asset.assetId, { code: 'duplicate', evidence, duplicateOf: first.assetId });
    }
  }
  return reasons;
}

function byRecorded(a: WasteFacts, b: WasteFacts): number {
  return a.createdAt.localeCompare(b.createdAt) || a.assetId.localeCompare(b.assetId);
}

/** The decision that counts for each asset: the most recent one. */
export function latestDecisions(decisions: WasteDecision[]): Map<string, WasteDecision> {
  const latest = new Map<string, WasteDecision>();
  for (const decision of decisions) {
    const known = latest.get(decision.assetId);
    if (!known || Date.parse(decision.decidedAt) > Date.parse(known.decidedAt)) latest.set(decision.assetId, decision);
  }
  return latest;
}

/**
 * Whether and how an asset is listed. A "cancel" stays listed even when the reasons are gone, so
 * nobody forgets to carry it out; a "keep" silences the asset until it runs out.
 */
export function itemState(looksWasted: boolean, decision: WasteDecision | undefined, now: Date): WasteItem['state'] | null {
  if (decision?.decision === 'cancel') return 'cancel-decided';
  if (!looksWasted) return null;
  if (decision?.decision === 'keep' && now.getTime() < keptUntil(decision)) return null;
  return 'open';
}

/** The instant (ms) a "keep" runs out. */
export function keptUntil(decision: WasteDecision): number {
  return Date.parse(decision.decidedAt) + (decision.keepForDays ?? DEFAULT_KEEP_FOR_DAYS) * MS_PER_DAY;
}

function toItem(asset: WasteFacts, check: AssetCheck, state: WasteItem['state']): WasteItem {
  return {
    assetId: asset.assetId,
    clientId: asset.clientId,
    kind: asset.kind,
    identifier: asset.identifier,
    state,
    reasons: check.reasons,
    unknown: check.unknown,
    yearlySaving: asset.yearlyCost,
  };
}

export interface ClientSaving {
  clientId: string;
  /** One total per currency, sorted by code; amounts in different currencies are never added. */
  totals: Money[];
  /** Items whose saving is unknown because the asset has no price. */
  unpriced: number;
}

/** Potential yearly saving per client, if every listed item were cancelled. */
export function savingsByClient(items: WasteItem[]): ClientSaving[] {
  const byClient = new Map<string, { totals: Map<string, number>; unpriced: number }>();
  for (const item of items) {
    const client = byClient.get(item.clientId) ?? { totals: new Map<string, number>(), unpriced: 0 };
    byClient.set(item.clientId, client);
    if (item.yearlySaving === null) client.unpriced += 1;
    else addMoney(client.totals, item.yearlySaving);
  }
  return [...byClient.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([clientId, { totals, unpriced }]) => ({ clientId, totals: toMoneyList(totals), unpriced }));
}

function addMoney(totals: Map<string, number>, money: Money): void {
  const sum = (totals.get(money.currency) ?? 0) + money.amount;
  // Past 2^53 integer addition stops being exact; a wrong total is worse than a loud one.
  if (!Number.isSafeInteger(sum)) throw new RangeError(`Saving in ${money.currency} is too large to add exactly`);
  totals.set(money.currency, sum);
}

function toMoneyList(totals: Map<string, number>): Money[] {
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency }));
}
