import type { Transaction } from 'kysely';
import type { Actor } from '../../accounts/model.ts';
import { appendAuditBatch, type AuditRecord } from '../../platform/audit/store.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import type { Schema } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalid, notFound, ProblemError } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import type { AssetKind } from '../assets.model.ts';
import { checkHeaders, isImportField, missingFields, suggestMapping, type ColumnMapping, type SuggestedImport } from './columns.model.ts';
import { decodeFile, inspectCsv, readCsv, type CsvTable, type Encoding } from './file.ts';
import { planImport, type ImportPlan } from './plan.model.ts';
import { readRow, type ImportDefaults } from './row.model.ts';
import { applyPlan } from './apply.ts';
import * as store from './store.ts';

/**
 * CSV import of assets in three steps a person can follow: upload (the file is kept and a
 * mapping suggested), preview (a dry run), commit (all rows or none, in one transaction).
 */
type Ctx = ChangeContext & { actor: Actor };

export const MAX_IMPORT_ROWS = 1_000_000;

export interface ImportUpload {
  id: string;
  fileName: string;
  rowCount: number;
  headers: string[];
  suggested: SuggestedImport;
  sample: Record<string, string>[];
}

export interface ImportOptions {
  mapping?: ColumnMapping | undefined;
  defaults?: ImportDefaults | undefined;
  /** Apply the valid rows even when some are rejected (still all valid rows or none). */
  skipRejected?: boolean | undefined;
}

export async function uploadImport(deps: Deps, ctx: Ctx, file: { fileName: string; bytes: Buffer; encoding?: Encoding | undefined }): Promise<ImportUpload> {
  const text = decodeFile(file.bytes, file.encoding);
  const table = inspectCsv(text, MAX_IMPORT_ROWS);
  const id = newId('import');
  await store.saveImportFile(deps.database.db, {
    id,
    file_name: file.fileName,
    // Spreadsheets carry passwords and API keys (DomainMOD's do): the kept file is a secret too.
    content: deps.secrets.encrypt(text, contentAad(id)),
    created_by: ctx.actor.id,
    created_at: deps.now().toISOString(),
    committed_at: null,
    result: null,
  });
  return {
    id,
    fileName: file.fileName,
    rowCount: table.rowCount,
    headers: table.headers,
    suggested: suggestMapping(table.headers),
    sample: table.sample,
  };
}

const contentAad = (id: string) => ['import', id, 'content'];

async function loadTable(deps: Deps, ctx: Ctx, id: string): Promise<{ table: CsvTable; committedAt: string | null }> {
  const row = await store.findImport(deps.database.db, id);
  // Imports are personal work in progress: someone else's upload is not found.
  if (!row || (row.created_by !== ctx.actor.id && ctx.actor.role !== 'owner' && ctx.actor.role !== 'admin')) throw notFound('import', id);
  return { table: readCsv(deps.secrets.decrypt(row.content, contentAad(id)), MAX_IMPORT_ROWS), committedAt: row.committed_at };
}

/** Check the mapping against the file, filling in the suggestion where none is given. */
function settle(table: CsvTable, options: ImportOptions): { mapping: ColumnMapping; defaults: ImportDefaults } {
  const suggested = suggestMapping(table.headers);
  // Only exact duplicates are fatal: two spellings of one name ("Notes", "notes") are both readable.
  const duplicates = checkHeaders(table.headers).filter((p) => p.kind === 'duplicate');
  if (duplicates.length > 0) throw invalid(duplicates.map((p) => ({ field: 'file.header', message: p.message })), 'The file has headers that cannot be told apart; rename them.');
  const mapping = options.mapping ?? suggested.mapping;
  const errors = Object.entries(mapping).flatMap(([header, field]) => [
    ...(table.headers.includes(header) ? [] : [{ field: `mapping.${header}`, message: 'is not a column of the file' }]),
    ...(isImportField(field) ? [] : [{ field: `mapping.${header}`, message: `"${field}" is not a field an import can fill` }]),
  ]);
  // The suggested defaults follow from the suggested mapping; with a mapping of their own, people
  // give their own defaults too (the wizard shows the suggestion to accept or change).
  const defaults: ImportDefaults = { ...(options.mapping ? {} : suggested.defaults), ...options.defaults } as ImportDefaults;
  const howToFill: Partial<Record<string, { field: string; message: string }>> = {
    client: { field: 'defaults.client', message: 'map a column to client, or name a default client' },
    identifier: { field: 'mapping', message: 'map a column to identifier' },
    kind: { field: 'defaults.kind', message: 'map a column to kind, or choose a default kind (domain, hosting, …)' },
  };
  for (const field of missingFields(mapping, defaults)) errors.push(howToFill[field]!);
  if (errors.length > 0) throw invalid(errors, 'The column mapping is not complete.');
  return { mapping, defaults };
}

async function plan(deps: Deps, table: CsvTable, options: ImportOptions): Promise<{ plan: ImportPlan; mapping: ColumnMapping }> {
  const { mapping, defaults } = settle(table, options);
  const rows = table.rows.map(({ line, record }) => ({ line, reading: readRow(record, mapping, defaults) }));
  const mapsSecrets = Object.values(mapping).some((f) => f.startsWith('secret:'));
  const wanted = rows.flatMap(({ reading }) => (reading.ok ? [reading.draft] : []));
  const known = await store.loadKnownParties(deps.database.db, mapsSecrets ? deps.secrets : null, wanted);
  return { plan: planImport(rows, mapping, known, defaults.currency ?? 'EUR'), mapping };
}

export async function previewImport(deps: Deps, ctx: Ctx, id: string, options: ImportOptions): Promise<ImportReport> {
  const { table } = await loadTable(deps, ctx, id);
  return previewTable(deps, ctx, table, options, id);
}

/** A dry run of a parsed file: the report a commit would give, with nothing written. Used by the CLI. */
export async function previewTable(deps: Deps, _ctx: Ctx, table: CsvTable, options: ImportOptions, id = 'dry-run'): Promise<ImportReport> {
  return report(id, (await plan(deps, table, options)).plan, false);
}

export async function commitImport(deps: Deps, ctx: Ctx, id: string, options: ImportOptions): Promise<ImportReport> {
  const { table, committedAt } = await loadTable(deps, ctx, id);
  if (committedAt) throw conflict(`This import was committed at ${committedAt}; upload the file again to import it again.`);
  return applyTable(deps, ctx, id, table, options, async (trx, result) => {
    if (!(await store.markImportCommitted(trx, id, deps.now().toISOString(), result.summary))) {
      throw conflict('This import was committed meanwhile.');
    }
  });
}

/**
 * Plan and apply a parsed file in one transaction, for callers that read the file themselves
 * (the CLI, the benchmark): there is no uploaded import to mark, only the audit entry under `id`.
 */
export async function commitTable(deps: Deps, ctx: Ctx, id: string, table: CsvTable, options: ImportOptions): Promise<ImportReport> {
  return applyTable(deps, ctx, id, table, options, async () => undefined);
}

async function applyTable(
  deps: Deps,
  ctx: Ctx,
  id: string,
  table: CsvTable,
  options: ImportOptions,
  finish: (trx: Transaction<Schema>, result: ImportReport) => Promise<void>,
): Promise<ImportReport> {
  const { plan: planned } = await plan(deps, table, options);
  if (planned.rejected.length > 0 && !options.skipRejected) {
    const body = report(id, planned, false);
    throw new ProblemError(422, 'import-rejected', 'Rows were rejected', `${planned.rejected.length} rows cannot be imported; fix them, or commit with skipRejected to import only the others.`, undefined, { report: body });
  }
  const result = report(id, planned, true);
  await applyPlan(deps, ctx, planned, async (trx) => {
    await appendAuditBatch(trx, deps.database.dialect, ctx, [importRecord(id, result)], deps.now());
    await finish(trx, result);
  });
  return result;
}

function importRecord(id: string, result: ImportReport): AuditRecord {
  return { action: 'import.committed', entityType: 'import', entityId: id, after: result.summary };
}

export interface ImportReport {
  importId: string;
  committed: boolean;
  summary: { rows: number; create: number; update: number; unchanged: number; rejected: number; newClients: number; newProviders: number; newProjects: number };
  newClients: string[];
  newProviders: string[];
  newProjects: { client: string; name: string }[];
  creates: { line: number; kind: AssetKind; identifier: string; client: string }[];
  updates: { line: number; assetId: string; identifier: string; changes: string[] }[];
  rejected: ImportPlan['rejected'];
  /** Lists above hold at most this many entries; the summary has the full counts. */
  listLimit: number;
}

const LIST_LIMIT = 1000;

function report(importId: string, p: ImportPlan, committed: boolean): ImportReport {
  const rows = p.creates.length + p.updates.length + p.unchanged.length + p.rejected.length;
  return {
    importId,
    committed,
    summary: {
      rows,
      create: p.creates.length,
      update: p.updates.length,
      unchanged: p.unchanged.length,
      rejected: p.rejected.length,
      newClients: p.newClients.length,
      newProviders: p.newProviders.length,
      newProjects: p.newProjects.length,
    },
    newClients: p.newClients.slice(0, LIST_LIMIT).map((c) => c.name),
    newProviders: p.newProviders.slice(0, LIST_LIMIT).map((c) => c.name),
    newProjects: p.newProjects.slice(0, LIST_LIMIT).map((c) => ({ client: c.clientRef.replace(/^new:/, ''), name: c.name })),
    creates: p.creates.slice(0, LIST_LIMIT).map((c) => ({ line: c.line, kind: c.draft.kind, identifier: c.draft.identifier, client: c.draft.clientName })),
    updates: p.updates.slice(0, LIST_LIMIT).map((u) => ({ line: u.line, assetId: u.existing.id, identifier: u.draft.identifier, changes: u.changes })),
    rejected: p.rejected.slice(0, LIST_LIMIT),
    listLimit: LIST_LIMIT,
  };
}
