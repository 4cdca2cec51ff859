import { api, ApiError, query, type FieldError } from '../../api/client.ts';
import type { ASSET_KINDS } from '../../api/types.ts';

/** The import API as the wizard uses it: upload a CSV, preview a mapping, commit it. */
export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The standard fields a column can fill; besides these, `custom:<key>`, `secret:<key>` and `ignore`. */
export const IMPORT_FIELDS = [
  'client', 'project', 'provider', 'providerKind', 'kind', 'name', 'identifier', 'status', 'expiresOn',
  'billingCycle', 'cost', 'renewalPrice', 'currency', 'autoRenew', 'owner', 'tags', 'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** CSV header, exactly as in the file → the field it fills. */
export type ColumnMapping = Record<string, string>;

export interface HeaderProblem {
  kind: 'duplicate' | 'same-when-normalized';
  headers: string[];
  columns: number[];
  message: string;
}

export interface ImportUpload {
  id: string;
  fileName: string;
  rowCount: number;
  headers: string[];
  suggested: {
    format: 'domainmod' | 'spreadsheet';
    mapping: ColumnMapping;
    defaults: { kind?: (typeof ASSET_KINDS)[number]; providerKind?: string };
    problems: HeaderProblem[];
  };
  sample: Record<string, string>[];
}

export interface ImportDefaults {
  client: string;
  kind: string;
  currency: string;
  /** Not shown: carried over from the suggestion (`registrar` for a DomainMOD export). */
  providerKind: string;
}

export interface ImportOptions {
  mapping: ColumnMapping;
  defaults: ImportDefaults;
}

export interface RejectedRow {
  line: number;
  errors: { column: string; field: string; message: string }[];
}

export interface ImportReport {
  importId: string;
  committed: boolean;
  summary: { rows: number; create: number; update: number; unchanged: number; rejected: number; newClients: number; newProviders: number; newProjects: number };
  newClients: string[];
  newProviders: string[];
  newProjects: { client: string; name: string }[];
  creates: { line: number; kind: string; identifier: string; client: string }[];
  updates: { line: number; assetId: string; identifier: string; changes: string[] }[];
  rejected: RejectedRow[];
  listLimit: number;
}

export function uploadCsv(file: File, encoding: Encoding): Promise<ImportUpload> {
  // The API takes names up to 200 characters; the name is only shown back, so a shorter one does.
  const path = '/imports' + query({ fileName: file.name.slice(0, 200) || 'import.csv', encoding });
  return api<ImportUpload>('POST', path, file, { headers: { 'content-type': 'text/csv' } });
}

/** The request body: blank defaults are left out, since the API refuses an empty client or currency. */
function body(options: ImportOptions) {
  const defaults = Object.fromEntries(Object.entries(options.defaults).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
  if (defaults.currency) defaults.currency = defaults.currency.toUpperCase();
  return { mapping: options.mapping, defaults };
}

export const previewImport = (id: string, options: ImportOptions) =>
  api<ImportReport>('POST', `/imports/${encodeURIComponent(id)}/preview`, body(options));

export const commitImport = (id: string, options: ImportOptions, skipRejected: boolean) =>
  api<ImportReport>('POST', `/imports/${encodeURIComponent(id)}/commit`, { ...body(options), skipRejected });

/** What the wizard starts from after an upload: the suggested mapping and defaults. */
export function suggestedOptions(upload: ImportUpload): ImportOptions {
  const mapping: ColumnMapping = {};
  for (const header of upload.headers) mapping[header] = upload.suggested.mapping[header] ?? 'ignore';
  const { kind = '', providerKind = '' } = upload.suggested.defaults;
  return { mapping, defaults: { client: '', kind, currency: '', providerKind } };
}

/** The key a custom field or secret gets from its header, as the API derives it: `Hosting Provider` → `hosting_provider`. */
export function fieldKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');
}

/** The commit's 422 carries the report of what was rejected. */
export function reportOf(error: unknown): ImportReport | undefined {
  return error instanceof ApiError && error.status === 422 ? (error.problem.report as ImportReport | undefined) : undefined;
}

/**
 * The API's field errors sorted into those the form shows next to a control (`defaults.client`,
 * `mapping.<header>`; zod's say `body.` first) and the rest, which go in the alert.
 */
export function placeErrors(error: unknown, shown: readonly string[]): { at: (field: string) => string | undefined; rest: FieldError[] } {
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const placeOf = (e: FieldError) => {
    const field = e.field.replace(/^body\./, '');
    return shown.find((s) => field === s) ?? shown.find((s) => field.startsWith(`${s}.`));
  };
  return {
    at: (field) => errors.find((e) => placeOf(e) === field)?.message,
    rest: errors.filter((e) => placeOf(e) === undefined),
  };
}
