import type { Actor } from '../accounts/model.ts';
import { createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Page } from '../platform/db/keyset.ts';
import type { Transaction } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { getAsset, updateAssetWith } from '../registry/assets.service.ts';
import { DEFAULT_KEEP_FOR_DAYS, keptUntil } from './waste.model.ts';
import * as store from './waste.store.ts';

/**
 * The waste audit's use cases: starting an audit (the job does the work), reading audits, and
 * deciding keep or cancel on what it found. The report is in `waste.report.ts`.
 */
type Ctx = ChangeContext & { actor: Actor };
export type { WasteAuditRecord } from './waste.store.ts';

export const WASTE_AUDIT_JOB = 'renewals.waste-audit';

export async function startAudit(deps: Deps, ctx: Ctx, input: { clientId?: string | undefined }): Promise<store.WasteAuditRecord> {
  const db = deps.database.db;
  const clientId = input.clientId ?? null;
  if (clientId && !(await db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst())) {
    throw invalid([{ field: 'body.clientId', message: `No client with id ${clientId}` }]);
  }
  const audit: store.WasteAuditRecord = {
    id: newId('wasteAudit'),
    state: 'running',
    clientId,
    startedBy: ctx.actor.id,
    startedAt: deps.now().toISOString(),
    finishedAt: null,
    counts: null,
    error: null,
  };
  return change(deps, ctx, async (trx, audit_) => {
    // Checked inside the transaction that adds the new one: SQLite has a single writer, and on
    // PostgreSQL two requests racing here both commit at worst, which the job tolerates.
    await failStale(deps, trx);
    const running = await store.runningAudit(trx);
    if (running) throw conflict(`Audit ${running.id} is still running; wait for it to finish.`);
    await store.insertAudit(trx, { id: audit.id, state: 'running', client_id: clientId, started_by: audit.startedBy, started_at: audit.startedAt });
    await enqueueJob(trx, { name: WASTE_AUDIT_JOB, payload: { auditId: audit.id }, idempotencyKey: `${WASTE_AUDIT_JOB}:${audit.id}`, maxAttempts: 3, now: deps.now() });
    await audit_({ action: 'waste.audit-started', entityType: 'waste-audit', entityId: audit.id, after: createdRecord({ clientId }) });
    return audit;
  });
}

/** An audit of 100,000 assets takes minutes; one "running" for this long was abandoned. */
const STALE_AFTER_MS = 12 * 3_600_000;

export async function failStale(deps: Deps, db: Transaction<Schema>): Promise<void> {
  const now = deps.now();
  await store.failStaleAudits(db, new Date(now.getTime() - STALE_AFTER_MS).toISOString(), now.toISOString());
}

export async function getAudit(deps: Deps, id: string): Promise<store.WasteAuditRecord> {
  const audit = await store.findAudit(deps.database.db, id);
  if (!audit) throw notFound('waste audit', id);
  return audit;
}

export async function listAudits(deps: Deps, filter: { limit: number; cursor?: { value: string | number | null; id: string } | undefined }): Promise<Page<store.WasteAuditRecord>> {
  const before = filter.cursor ? { startedAt: String(filter.cursor.value), id: filter.cursor.id } : undefined;
  const rows = await store.listAudits(deps.database.db, filter.limit, before);
  return toPage(rows, filter.limit, (r) => ({ value: r.startedAt, id: r.id }), (r) => r);
}

export interface DecisionInput {
  decision: 'keep' | 'cancel';
  keepForDays?: number | undefined;
  note?: string | undefined;
}

export interface DecisionRecord {
  id: string;
  assetId: string;
  decision: 'keep' | 'cancel';
  keepForDays: number | null;
  /** For "keep": when the asset may be flagged again. */
  keptUntil: string | null;
  note: string;
  decidedBy: string | null;
  decidedAt: string;
  asset: { status: string; autoRenew: boolean };
}

/**
 * Keep or cancel an asset the latest audit flagged. "Cancel" also turns auto-renew off and marks
 * the asset cancelled through the registry, in the same transaction as the decision.
 */
export async function decide(deps: Deps, ctx: Ctx, assetId: string, input: DecisionInput): Promise<DecisionRecord> {
  const asset = await getAsset(deps, ctx.actor, assetId);
  const latest = await store.latestFinishedAudit(deps.database.db, asset.clientId);
  const flagged = latest ? await store.hasFinding(deps.database.db, latest.id, assetId) : false;
  if (!flagged) throw conflict(`The latest waste audit did not flag asset ${assetId}; there is nothing to decide.`);
  const decidedAt = deps.now().toISOString();
  const keepForDays = input.decision === 'keep' ? (input.keepForDays ?? DEFAULT_KEEP_FOR_DAYS) : null;
  const record: DecisionRecord = {
    id: newId('wasteDecision'),
    assetId,
    decision: input.decision,
    keepForDays,
    keptUntil: keepForDays === null ? null : new Date(keptUntil({ assetId, decision: 'keep', decidedAt, keepForDays })).toISOString(),
    note: input.note?.trim() ?? '',
    decidedBy: ctx.actor.id,
    decidedAt,
    asset: { status: asset.status, autoRenew: asset.autoRenew },
  };
  const write = async (trx: Transaction<Schema>, audit: Audit) => {
    await store.insertDecision(trx, {
      id: record.id,
      asset_id: assetId,
      decision: record.decision,
      keep_for_days: keepForDays,
      note: record.note,
      decided_by: record.decidedBy,
      decided_at: decidedAt,
    });
    const { asset: _asset, ...decided } = record;
    await audit({ action: 'waste.decided', entityType: 'asset', entityId: assetId, after: createdRecord(decided) });
  };
  if (input.decision === 'keep') {
    await change(deps, ctx, write);
    return record;
  }
  const { asset: cancelled } = await updateAssetWith(deps, ctx, assetId, { status: 'cancelled', autoRenew: false }, write);
  return { ...record, asset: { status: cancelled.status, autoRenew: cancelled.autoRenew } };
}
