import { performance } from 'node:perf_hooks';
import { monitorStatesOf } from '../monitoring/sites.service.ts';
import type { Deps } from '../platform/deps.ts';
import { canonicalIp } from './waste.dns.ts';
import { createGatherer, eachBounded, type GatherOptions, type WasteGatherer } from './waste.gather.ts';
import { checkAsset, duplicateEvidence, latestDecisions, normalizeIdentifier, type WasteDecision, type WasteFacts, type WasteReason } from './waste.model.ts';
import * as store from './waste.store.ts';

/**
 * Running one waste audit over the registry, streamed: assets come in pages by id, their facts
 * are gathered with bounded concurrency, judged by the rules, and only the findings are kept.
 * Domains go first, so that when hosting plans are judged the addresses every client's domains
 * point at are known. What stays in memory for the whole run is compact: the first record of
 * each identifier (for duplicates) and, per client, the addresses its domains point at.
 */
const PAGE_SIZE = 500;

/** Per client: address → the first domain seen pointing at it. */
type PointingMap = Map<string, Map<string, string>>;

/** Per client, kind and normalised identifier: the record kept (recorded first). */
type FirstRecords = Map<string, { id: string; identifier: string; createdAt: string }>;

interface Run {
  deps: Deps;
  auditId: string;
  gatherer: WasteGatherer;
  concurrency: number;
  firsts: FirstRecords;
  pointing: PointingMap;
  counts: store.AuditCounts;
}

export function gatherOptionsOf(deps: Deps, overrides: Partial<GatherOptions> = {}): GatherOptions {
  return {
    dnsServers: deps.config.dnsServers,
    concurrency: deps.config.wasteAuditConcurrency,
    timeoutMs: Math.min(deps.config.outboundTimeoutMs, 5_000),
    blockPrivateAddresses: deps.config.blockPrivateTargets,
    ...overrides,
  };
}

/** Gathers, judges and writes the findings of one audit; returns its counts. Safe to run again. */
export async function runAudit(
  deps: Deps,
  audit: { id: string; clientId: string | null },
  options: GatherOptions,
  signal?: AbortSignal,
): Promise<store.AuditCounts> {
  const started = performance.now();
  const db = deps.database.db;
  // A retry starts over: the findings of an interrupted run are incomplete.
  await store.deleteFindings(db, audit.id);
  const total = await store.countInScope(db, audit.clientId);
  const firsts = await firstRecords(deps, audit.clientId);
  const gatherer = createGatherer(options);
  const run: Run = {
    deps,
    auditId: audit.id,
    gatherer,
    concurrency: options.concurrency,
    firsts,
    pointing: new Map(),
    counts: { total, assets: 0, checked: 0, flagged: 0, unknown: 0, ms: 0 },
  };
  try {
    for (const part of ['domain', 'other'] as const) {
      for await (const page of store.auditAssetPages(db, { clientId: audit.clientId, part }, PAGE_SIZE)) {
        // The worker is stopping: give the job back between pages; a retry starts over.
        signal?.throwIfAborted();
        await auditPage(run, page);
        run.counts.ms = Math.round(performance.now() - started);
        await store.updateAudit(db, audit.id, { counts: run.counts });
      }
    }
  } finally {
    await gatherer.close();
  }
  return { ...run.counts, ms: Math.round(performance.now() - started) };
}

function identityKey(clientId: string, kind: string, identifier: string): string | null {
  const normal = normalizeIdentifier(identifier);
  return normal === '' ? null : `${clientId}\u0000${kind}\u0000${normal}`;
}

async function firstRecords(deps: Deps, clientId: string | null): Promise<FirstRecords> {
  const firsts: FirstRecords = new Map();
  for await (const rows of store.identityPages(deps.database.db, clientId, 5_000)) {
    for (const row of rows) {
      const key = identityKey(row.client_id, row.kind, row.identifier);
      if (key === null) continue;
      const known = firsts.get(key);
      const earlier = !known || row.created_at < known.createdAt || (row.created_at === known.createdAt && row.id < known.id);
      if (earlier) firsts.set(key, { id: row.id, identifier: row.identifier, createdAt: row.created_at });
    }
  }
  return firsts;
}

async function auditPage(run: Run, page: store.AuditAsset[]): Promise<void> {
  const db = run.deps.database.db;
  const ids = page.map((a) => a.id);
  const [projects, monitors, decisions] = await Promise.all([
    store.linkedProjects(db, ids),
    monitorStatesOf(run.deps, page.filter((a) => a.kind === 'hosting').map((a) => a.id)),
    store.decisionsOf(db, page.filter((a) => a.status === 'cancelled').map((a) => a.id)),
  ]);
  const cancelDecided = latestCancels(decisions);
  const findings: store.FindingRow[] = [];
  await eachBounded(page, run.concurrency, async (asset) => {
    const facts: WasteFacts = {
      assetId: asset.id,
      clientId: asset.clientId,
      kind: asset.kind,
      identifier: asset.identifier,
      createdAt: asset.createdAt,
      yearlyCost: asset.yearlyCost,
      autoRenew: asset.autoRenew,
      status: asset.status,
      projects: projects.get(asset.id) ?? [],
      dns: null,
      page: null,
      monitors: monitors.get(asset.id) ?? [],
      pointingDomains: null,
    };
    await gatherFacts(run, facts);
    const finding = judge(run, facts, cancelDecided.has(asset.id));
    if (finding) findings.push(finding);
  });
  await store.insertFindings(db, run.auditId, findings);
}

/** Assets whose latest decision is "cancel". */
function latestCancels(decisions: WasteDecision[]): Set<string> {
  return new Set([...latestDecisions(decisions).values()].filter((d) => d.decision === 'cancel').map((d) => d.assetId));
}

async function gatherFacts(run: Run, facts: WasteFacts): Promise<void> {
  if (facts.kind === 'domain') {
    const found = await run.gatherer.domain(facts.identifier);
    facts.dns = found.dns;
    facts.page = found.page;
    if (found.dns && facts.status !== 'cancelled') rememberPointing(run.pointing, facts.clientId, facts.identifier, [...found.dns.a, ...found.dns.aaaa]);
    return;
  }
  if (facts.kind !== 'hosting' || facts.monitors.some((m) => m.up)) return;
  const addresses = await run.gatherer.hostingAddresses(facts.identifier);
  if (addresses === null) return;
  const byAddress = run.pointing.get(facts.clientId);
  const domains = addresses.map((ip) => byAddress?.get(canonicalIp(ip))).filter((d): d is string => d !== undefined);
  facts.pointingDomains = [...new Set(domains)];
}

function rememberPointing(pointing: PointingMap, clientId: string, domain: string, addresses: string[]): void {
  if (addresses.length === 0) return;
  const byAddress = pointing.get(clientId) ?? new Map<string, string>();
  pointing.set(clientId, byAddress);
  for (const ip of addresses) if (!byAddress.has(ip)) byAddress.set(ip, domain);
}

/** The rules' verdict on one asset, as a finding to keep, or null when it does not look wasted. */
function judge(run: Run, facts: WasteFacts, cancelDecided: boolean): store.FindingRow | null {
  const check = checkAsset(facts);
  const duplicate = facts.status === 'cancelled' ? null : duplicateReason(run.firsts, facts);
  if (duplicate) check.reasons.push(duplicate);
  run.counts.assets += 1;
  // A missing price is not a fact the audit failed to gather.
  if (check.unknown.some((u) => !u.startsWith('yearly cost'))) run.counts.unknown += 1;
  else run.counts.checked += 1;
  if (check.reasons.length > 0) run.counts.flagged += 1;
  if (check.reasons.length === 0 && !cancelDecided) return null;
  return { assetId: facts.assetId, clientId: facts.clientId, reasons: check.reasons, unknown: check.unknown, yearlySaving: facts.yearlyCost };
}

/** Same wording as the rules' own duplicate finding (`findWaste`), for the same situation. */
function duplicateReason(firsts: FirstRecords, facts: WasteFacts): WasteReason | null {
  const key = identityKey(facts.clientId, facts.kind, facts.identifier);
  const first = key === null ? undefined : firsts.get(key);
  if (!first || first.id === facts.assetId) return null;
  return { code: 'duplicate', evidence: [duplicateEvidence(facts.kind, first.identifier)], duplicateOf: first.id };
}
