import { encodeCursor, type Cursor } from '../platform/db/keyset.ts';
import type { Deps } from '../platform/deps.ts';
import type { Money } from '../platform/money.ts';
import { itemState, keptUntil, latestDecisions, type WasteDecision, type WasteItem } from './waste.model.ts';
import * as store from './waste.store.ts';

/**
 * The waste report: what the latest finished audit found (of all clients, or covering the client
 * asked for), with today's decisions applied — a
 * "keep" hides an asset until it runs out, a "cancel" lists it as cancel-decided until the asset
 * is retired — and the potential yearly saving per client and overall.
 */
export interface ReportFilter extends store.ReportFilter {
  state?: WasteItem['state'] | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export interface ReportItem {
  assetId: string;
  assetName: string;
  identifier: string;
  kind: string;
  clientId: string;
  clientName: string;
  state: WasteItem['state'];
  reasons: WasteItem['reasons'];
  unknown: string[];
  yearlySaving: Money | null;
  decision: { decision: 'keep' | 'cancel'; decidedAt: string; keptUntil: string | null } | null;
}

export interface ClientTotal {
  clientId: string;
  clientName: string;
  totals: Money[];
  unpriced: number;
  items: number;
}

export interface WasteReport {
  audit: { id: string; startedAt: string; finishedAt: string | null; clientId: string | null } | null;
  items: ReportItem[];
  nextCursor: string | null;
  byClient: ClientTotal[];
  overall: { totals: Money[]; unpriced: number; items: number };
}

const CHUNK = 200;

export async function wasteReport(deps: Deps, filter: ReportFilter): Promise<WasteReport> {
  const db = deps.database.db;
  const audit = await store.latestFinishedAudit(db, filter.clientId ?? null);
  if (!audit) return { audit: null, items: [], nextCursor: null, byClient: [], overall: { totals: [], unpriced: 0, items: 0 } };
  const { items, nextCursor } = await reportItems(deps, audit.id, filter);
  const byClient = await clientTotals(deps, audit.id, filter);
  return {
    audit: { id: audit.id, startedAt: audit.startedAt, finishedAt: audit.finishedAt, clientId: audit.clientId },
    items,
    nextCursor,
    byClient,
    overall: overallOf(byClient),
  };
}

/** Listed items in asset id order; decisions can hide findings, so chunks are read until the page is full. */
async function reportItems(deps: Deps, auditId: string, filter: ReportFilter): Promise<{ items: ReportItem[]; nextCursor: string | null }> {
  const db = deps.database.db;
  const now = deps.now();
  const items: ReportItem[] = [];
  let after = filter.cursor?.id ?? '';
  for (;;) {
    const chunk = await store.findingChunk(db, auditId, filter, after, CHUNK);
    const decisions = latestDecisions(await store.decisionsOf(db, chunk.map((r) => r.assetId)));
    for (const row of chunk) {
      const item = toItem(row, decisions.get(row.assetId), now);
      if (item && (!filter.state || item.state === filter.state)) items.push(item);
    }
    if (items.length > filter.limit || chunk.length < CHUNK) break;
    after = chunk[chunk.length - 1]!.assetId;
  }
  const page = items.slice(0, filter.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: items.length > filter.limit && last ? encodeCursor({ value: null, id: last.assetId }) : null };
}

function toItem(row: store.ReportFindingRow, decision: WasteDecision | undefined, now: Date): ReportItem | null {
  // Cancelled since the audit by some other way than a decision here: nothing left to save.
  if (row.status === 'cancelled' && decision?.decision !== 'cancel') return null;
  const state = itemState(row.reasons.length > 0, decision, now);
  if (!state) return null;
  return {
    assetId: row.assetId,
    assetName: row.assetName,
    identifier: row.identifier,
    kind: row.kind,
    clientId: row.clientId,
    clientName: row.clientName,
    state,
    reasons: row.reasons,
    unknown: row.unknown,
    yearlySaving: row.yearlySaving,
    decision: decision
      ? { decision: decision.decision, decidedAt: decision.decidedAt, keptUntil: decision.decision === 'keep' ? new Date(keptUntil(decision)).toISOString() : null }
      : null,
  };
}

/**
 * Savings of the listed items per client: the undecided findings summed by the database, plus
 * the decided ones (few: people make them) judged one by one.
 */
async function clientTotals(deps: Deps, auditId: string, filter: ReportFilter): Promise<ClientTotal[]> {
  const db = deps.database.db;
  const byClient = new Map<string, { name: string; money: Map<string, number>; unpriced: number; items: number }>();
  const add = (clientId: string, clientName: string, money: Money | null, items: number) => {
    const entry = byClient.get(clientId) ?? { name: clientName, money: new Map<string, number>(), unpriced: 0, items: 0 };
    byClient.set(clientId, entry);
    entry.items += items;
    if (money === null) entry.unpriced += items;
    else entry.money.set(money.currency, safeSum(entry.money.get(money.currency) ?? 0, money.amount));
  };
  if (filter.state !== 'cancel-decided') {
    for (const row of await store.undecidedSavings(db, auditId, filter)) {
      add(row.clientId, row.clientName, row.currency === null ? null : { amount: row.amount, currency: row.currency }, row.items);
    }
  }
  const decided = await store.decidedFindings(db, auditId, filter);
  const decisions = latestDecisions(await store.decisionsOf(db, decided.map((r) => r.assetId)));
  for (const row of decided) {
    const item = toItem(row, decisions.get(row.assetId), deps.now());
    if (item && (!filter.state || item.state === filter.state)) add(row.clientId, row.clientName, row.yearlySaving, 1);
  }
  return [...byClient.entries()]
    .map(([clientId, e]) => ({ clientId, clientName: e.name, totals: moneyList(e.money), unpriced: e.unpriced, items: e.items }))
    .sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
}

function overallOf(byClient: ClientTotal[]): WasteReport['overall'] {
  const money = new Map<string, number>();
  for (const client of byClient) for (const m of client.totals) money.set(m.currency, safeSum(money.get(m.currency) ?? 0, m.amount));
  return {
    totals: moneyList(money),
    unpriced: byClient.reduce((n, c) => n + c.unpriced, 0),
    items: byClient.reduce((n, c) => n + c.items, 0),
  };
}

function safeSum(a: number, b: number): number {
  const sum = a + b;
  // Past 2^53 integer addition stops being exact; a wrong total is worse than a loud one.
  if (!Number.isSafeInteger(sum)) throw new RangeError('A saving is too large to add exactly');
  return sum;
}

function moneyList(money: Map<string, number>): Money[] {
  return [...money.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ amount, currency }));
}
