import { api, ApiError, query, type FieldError } from '../../api/client.ts';
import type { ImportReport, ImportUpload } from '../../../../src/registry/import/service.ts';
import type { IMPORT_FIELDS } from '../../../../src/registry/import/columns.model.ts';

/** The import API as the wizard uses it: upload a CSV, preview a mapping, commit it. */
export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le'] as const;
export type Encoding = (typeof ENCODINGS)[number];

// The wizard speaks the server's own types: one definition, checked on both sides.
export { fieldKey, IMPORT_FIELDS, type HeaderProblem } from '../../../../src/registry/import/columns.model.ts';
export type { ImportReport, ImportUpload } from '../../../../src/registry/import/service.ts';
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** CSV header, exactly as in the file → the field chosen for it (the server checks the choice). */
export type ColumnMapping = Record<string, string>;
export type RejectedRow = ImportReport['rejected'][number];

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
