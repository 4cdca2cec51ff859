import { sql, type Kysely } from 'kysely';
import type { NewRow, Row, Schema } from '../platform/db/schema.ts';
import type { Money } from '../platform/money.ts';
import { yearlyCost, type AssetKind, type AssetStatus, type BillingCycle } from '../registry/assets.model.ts';
import type { LinkedProject, WasteDecision, WasteReason } from './waste.model.ts';

/** Queries of the waste audit: its runs, the assets it looks at, its findings and the decisions on them. */
type Q = Kysely<Schema>;

export interface AuditCounts {
  /** Assets in the audit's scope, counted before it starts (for progress). */
  total: number;
  /** Assets looked at so far. */
  assets: number;
  /** Assets every fact of which could be gathered. */
  checked: number;
  flagged: number;
  /** Assets with at least one fact unknown (a failed lookup, no price). */
  unknown: number;
  ms: number;
}

export interface WasteAuditRecord {
  id: string;
  state: 'running' | 'finished' | 'failed';
  clientId: string | null;
  startedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  counts: AuditCounts | null;
  error: string | null;
}

function toAudit(row: Row<'waste_audits'>): WasteAuditRecord {
  return {
    id: row.id,
    state: row.state as WasteAuditRecord['state'],
    clientId: row.client_id,
    startedBy: row.started_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: row.counts ? (JSON.parse(row.counts) as AuditCounts) : null,
    error: row.error,
  };
}

export async function insertAudit(db: Q, row: NewRow<'waste_audits'>): Promise<void> {
  await db.insertInto('waste_audits').values(row).execute();
}

export async function findAudit(db: Q, id: string): Promise<WasteAuditRecord | null> {
  const row = await db.selectFrom('waste_audits').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAudit(row) : null;
}

export async function runningAudit(db: Q): Promise<WasteAuditRecord | null> {
  const row = await db.selectFrom('waste_audits').selectAll().where('state', '=', 'running').orderBy('started_at', 'desc').executeTakeFirst();
  return row ? toAudit(row) : null;
}

/**
 * The latest finished audit that covered a client: one of all clients, or of that client alone.
 * Without a client, the latest audit of all clients.
 */
export async function latestFinishedAudit(db: Q, clientId: string | null): Promise<WasteAuditRecord | null> {
  const row = await db
    .selectFrom('waste_audits')
    .selectAll()
    .where('state', '=', 'finished')
    .where((eb) => (clientId ? eb.or([eb('client_id', 'is', null), eb('client_id', '=', clientId)]) : eb('client_id', 'is', null)))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toAudit(row) : null;
}

/** Latest first; `before` is the id of the last audit of the previous page. */
export async function listAudits(db: Q, limit: number, before: { startedAt: string; id: string } | undefined): Promise<WasteAuditRecord[]> {
  let query = db.selectFrom('waste_audits').selectAll();
  if (before) query = query.where(sql<boolean>`(started_at < ${before.startedAt} or (started_at = ${before.startedAt} and id < ${before.id}))`);
  const rows = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return rows.map(toAudit);
}

export async function updateAudit(db: Q, id: string, patch: { state?: string; finishedAt?: string; counts?: AuditCounts; error?: string | null }): Promise<void> {
  await db
    .updateTable('waste_audits')
    .set({
      ...(patch.state ? { state: patch.state } : {}),
      ...(patch.finishedAt ? { finished_at: patch.finishedAt } : {}),
      ...(patch.counts ? { counts: JSON.stringify(patch.counts) } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
    })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// The assets an audit looks at

export interface AuditAsset {
  id: string;
  clientId: string;
  kind: AssetKind;
  identifier: string;
  createdAt: string;
  status: AssetStatus;
  autoRenew: boolean;
  yearlyCost: Money | null;
}

export interface AuditScope {
  clientId: string | null;
  /** `domain` for the domains, `other` for every other kind. */
  part: 'domain' | 'other';
}

/**
 * Retired assets are gone; a cancelled one is only looked at while a "cancel" decision on it is
 * waiting to be carried out (it stays listed as cancel-decided until it is retired).
 */
function inScope(db: Q, clientId: string | null) {
  let query = db
    .selectFrom('assets')
    .where('status', '!=', 'retired')
    .where((eb) =>
      eb.or([
        eb('status', '!=', 'cancelled'),
        eb.exists(eb.selectFrom('waste_decisions as d').select('d.id').whereRef('d.asset_id', '=', 'assets.id').where('d.decision', '=', 'cancel')),
      ]),
    );
  if (clientId) query = query.where('client_id', '=', clientId);
  return query;
}

export async function countInScope(db: Q, clientId: string | null): Promise<number> {
  const row = await inScope(db, clientId).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The assets of one part of the audit, in pages by id, so no more than a page is held at once. */
export async function* auditAssetPages(db: Q, scope: AuditScope, pageSize: number): AsyncGenerator<AuditAsset[]> {
  let after = '';
  for (;;) {
    let query = inScope(db, scope.clientId).where('id', '>', after);
    query = scope.part === 'domain' ? query.where('kind', '=', 'domain') : query.where('kind', '!=', 'domain');
    const rows = await query
      .select(['id', 'client_id', 'kind', 'identifier', 'created_at', 'status', 'auto_renew', 'billing_cycle', 'cycle_months', 'cost_amount', 'renewal_amount', 'currency'])
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(toAuditAsset);
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

type AuditAssetRow = Pick<
  Row<'assets'>,
  'id' | 'client_id' | 'kind' | 'identifier' | 'created_at' | 'status' | 'auto_renew' | 'billing_cycle' | 'cycle_months' | 'cost_amount' | 'renewal_amount' | 'currency'
>;

function toAuditAsset(row: AuditAssetRow): AuditAsset {
  const priced = row.cost_amount !== null || row.renewal_amount !== null;
  // What it costs while running: a cancelled asset's stored yearly cost is 0, but cancelling is what saves it.
  const amount = yearlyCost({
    billingCycle: row.billing_cycle as BillingCycle,
    cycleMonths: row.cycle_months,
    costAmount: row.cost_amount,
    renewalAmount: row.renewal_amount,
    status: 'active',
  });
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as AssetKind,
    identifier: row.identifier,
    createdAt: row.created_at,
    status: row.status as AssetStatus,
    autoRenew: Boolean(row.auto_renew),
    yearlyCost: priced ? { amount, currency: row.currency } : null,
  };
}

/** Just enough of every asset in scope to find duplicates, in pages by id. */
export async function* identityPages(db: Q, clientId: string | null, pageSize: number) {
  let after = '';
  for (;;) {
    const rows = await inScope(db, clientId)
      .where('id', '>', after)
      .where('status', '!=', 'cancelled')
      .select(['id', 'client_id', 'kind', 'identifier', 'created_at'])
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/** The projects each asset is linked to, with whether each is archived. */
export async function linkedProjects(db: Q, assetIds: string[]): Promise<Map<string, LinkedProject[]>> {
  const byAsset = new Map<string, LinkedProject[]>();
  if (assetIds.length === 0) return byAsset;
  const rows = await db
    .selectFrom('asset_projects as ap')
    .innerJoin('projects as p', 'p.id', 'ap.project_id')
    .select(['ap.asset_id', 'ap.project_id', 'p.name', 'p.archived_at'])
    .where('ap.asset_id', 'in', assetIds)
    .orderBy('ap.project_id')
    .execute();
  for (const row of rows) {
    const list = byAsset.get(row.asset_id) ?? [];
    list.push({ projectId: row.project_id, name: row.name, archived: row.archived_at !== null });
    byAsset.set(row.asset_id, list);
  }
  return byAsset;
}

// ---------------------------------------------------------------------------------------------
// Findings and decisions

export interface FindingRow {
  assetId: string;
  clientId: string;
  reasons: WasteReason[];
  unknown: string[];
  yearlySaving: Money | null;
}

export async function deleteFindings(db: Q, auditId: string): Promise<void> {
  await db.deleteFrom('waste_findings').where('audit_id', '=', auditId).execute();
}

export async function insertFindings(db: Q, auditId: string, findings: FindingRow[]): Promise<void> {
  // 7 values a row: 200 rows stay far below SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < findings.length; i += 200) {
    const rows = findings.slice(i, i + 200).map((f) => ({
      audit_id: auditId,
      asset_id: f.assetId,
      client_id: f.clientId,
      reasons: JSON.stringify(f.reasons),
      unknown: JSON.stringify(f.unknown),
      yearly_saving: f.yearlySaving?.amount ?? null,
      currency: f.yearlySaving?.currency ?? null,
    }));
    await db.insertInto('waste_findings').values(rows).execute();
  }
}

/** Every decision on the given assets, as the rules read them. */
export async function decisionsOf(db: Q, assetIds: string[]): Promise<WasteDecision[]> {
  if (assetIds.length === 0) return [];
  const rows = await db
    .selectFrom('waste_decisions')
    .select(['asset_id', 'decision', 'decided_at', 'keep_for_days'])
    .where('asset_id', 'in', assetIds)
    .execute();
  return rows.map((r) => ({
    assetId: r.asset_id,
    decision: r.decision as WasteDecision['decision'],
    decidedAt: r.decided_at,
    ...(r.keep_for_days !== null ? { keepForDays: r.keep_for_days } : {}),
  }));
}

export async function insertDecision(db: Q, row: NewRow<'waste_decisions'>): Promise<void> {
  await db.insertInto('waste_decisions').values(row).execute();
}

// ---------------------------------------------------------------------------------------------
// The report: findings of one audit, with the asset and client they are about

export interface ReportFilter {
  clientId?: string | undefined;
  code?: string | undefined;
}

export interface ReportFindingRow extends FindingRow {
  assetName: string;
  identifier: string;
  kind: AssetKind;
  status: AssetStatus;
  clientName: string;
}

/** Findings about assets not retired since the audit, narrowed by client and reason. */
function findingsOf(db: Q, auditId: string, f: ReportFilter) {
  let query = db
    .selectFrom('waste_findings as f')
    .innerJoin('assets as a', 'a.id', 'f.asset_id')
    .innerJoin('clients as c', 'c.id', 'f.client_id')
    .where('f.audit_id', '=', auditId)
    .where('a.status', '!=', 'retired');
  if (f.clientId) query = query.where('f.client_id', '=', f.clientId);
  // Reasons are stored as JSON written by JSON.stringify, so the code appears exactly like this.
  if (f.code) query = query.where('f.reasons', 'like', `%"code":"${f.code}"%`);
  return query;
}

const FINDING_COLUMNS = ['f.asset_id', 'f.client_id', 'f.reasons', 'f.unknown', 'f.yearly_saving', 'f.currency', 'a.name as asset_name', 'a.identifier', 'a.kind', 'a.status', 'c.name as client_name'] as const;

function toReportRow(r: {
  asset_id: string; client_id: string; reasons: string; unknown: string; yearly_saving: number | null; currency: string | null;
  asset_name: string; identifier: string; kind: string; status: string; client_name: string;
}): ReportFindingRow {
  return {
    assetId: r.asset_id,
    clientId: r.client_id,
    reasons: JSON.parse(r.reasons) as WasteReason[],
    unknown: JSON.parse(r.unknown) as string[],
    yearlySaving: r.yearly_saving !== null && r.currency !== null ? { amount: Number(r.yearly_saving), currency: r.currency } : null,
    assetName: r.asset_name,
    identifier: r.identifier,
    kind: r.kind as AssetKind,
    status: r.status as AssetStatus,
    clientName: r.client_name,
  };
}

/** A chunk of findings after an asset id, in asset id order. */
export async function findingChunk(db: Q, auditId: string, f: ReportFilter, afterAssetId: string, size: number): Promise<ReportFindingRow[]> {
  const rows = await findingsOf(db, auditId, f).select(FINDING_COLUMNS).where('f.asset_id', '>', afterAssetId).orderBy('f.asset_id').limit(size).execute();
  return rows.map(toReportRow);
}

/** Findings about assets someone has decided on: the few the decisions change. */
export async function decidedFindings(db: Q, auditId: string, f: ReportFilter): Promise<ReportFindingRow[]> {
  const rows = await findingsOf(db, auditId, f)
    .select(FINDING_COLUMNS)
    .where((eb) => eb.exists(eb.selectFrom('waste_decisions as d').select('d.id').whereRef('d.asset_id', '=', 'f.asset_id')))
    .execute();
  return rows.map(toReportRow);
}

export interface SavingRow {
  clientId: string;
  clientName: string;
  /** Null for the items without a price. */
  currency: string | null;
  amount: number;
  items: number;
}

/** Savings of the undecided findings with reasons (all of them open), summed per client and currency. */
export async function undecidedSavings(db: Q, auditId: string, f: ReportFilter): Promise<SavingRow[]> {
  const rows = await findingsOf(db, auditId, f)
    .where('f.reasons', '!=', '[]')
    .where('a.status', '!=', 'cancelled')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('waste_decisions as d').select('d.id').whereRef('d.asset_id', '=', 'f.asset_id'))))
    .select((eb) => ['f.client_id', 'c.name', 'f.currency', eb.fn.sum<number | string | null>('f.yearly_saving').as('amount'), eb.fn.countAll<number | string>().as('items')])
    .groupBy(['f.client_id', 'c.name', 'f.currency'])
    .execute();
  return rows.map((r) => ({ clientId: r.client_id, clientName: r.name, currency: r.currency, amount: Number(r.amount ?? 0), items: Number(r.items) }));
}

export async function hasFinding(db: Q, auditId: string, assetId: string): Promise<boolean> {
  const row = await db.selectFrom('waste_findings').select('asset_id').where('audit_id', '=', auditId).where('asset_id', '=', assetId).executeTakeFirst();
  return row !== undefined;
}

/** Audits still "running" though started before `cutoff`: their worker died; they must not block new ones. */
export async function failStaleAudits(db: Q, cutoff: string, now: string): Promise<void> {
  await db
    .updateTable('waste_audits')
    .set({ state: 'failed', finished_at: now, error: 'Abandoned: it was still running long after it started (its worker stopped).' })
    .where('state', '=', 'running')
    .where('started_at', '<', cutoff)
    .execute();
}
