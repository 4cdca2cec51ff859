/**
 * One spreadsheet row → one asset draft, or every reason the row cannot be one. A draft still
 * names its client, projects, provider and owner rather than pointing at them: matching names to
 * records (and creating missing ones) is the import service's job. Pure: no I/O, no clock.
 */
import { normalizeCurrencyCode } from '../../platform/money.ts';
import type { AssetKind, AssetStatus, BillingCycle } from '../assets.model.ts';
import type { ColumnMapping, ImportField } from './columns.model.ts';
import {
  parseAssetKind,
  parseAssetStatus,
  parseBillingCycle,
  parseCurrencyCode,
  parseDate,
  parseEmail,
  parseMoney,
  parseProjectNames,
  parseTags,
  parseYesNo,
  type Parsed,
  type ParsedMoney,
} from './values.model.ts';

/** What every row gets when its own columns say nothing. */
export interface ImportDefaults {
  client?: string;
  kind?: AssetKind;
  currency?: string;
  billingCycle?: BillingCycle;
  /** What the row's provider is (`registrar` for a DomainMOD export), when no column says. */
  providerKind?: string;
}

export interface AssetDraft {
  clientName: string;
  projectNames: string[];
  providerName: string | null;
  providerKind: string | null;
  kind: AssetKind;
  name: string;
  identifier: string;
  status: AssetStatus;
  expiresOn: string | null;
  billingCycle: BillingCycle;
  cycleMonths: number | null;
  /** Null only when the row has no amount and the import no default: the client's currency applies. */
  currency: string | null;
  costAmount: number | null;
  renewalAmount: number | null;
  autoRenew: boolean;
  ownerEmail: string | null;
  tags: string[];
  notes: string;
  customFields: Record<string, string>;
  /** Plain text here; encrypted before it is stored. */
  secrets: Record<string, string>;
}

/** A problem with one cell; `column` is the header as in the file, or '' when no column holds the field. */
export interface RowError {
  column: string;
  field: ImportField;
  message: string;
}

export type RowReading = { ok: true; draft: AssetDraft } | { ok: false; errors: RowError[] };

interface Cell {
  column: string;
  field: ImportField;
  text: string;
}

const NO_CELLS: Cell[] = [];

/** Reads the cells of one row by field, collecting every error instead of stopping at the first. */
class RowCells {
  readonly errors: RowError[] = [];
  // Non-blank cells grouped by field once per row: an import reads a million rows, and
  // filtering the row again for every field was most of its time.
  private readonly byField = new Map<ImportField, Cell[]>();

  constructor(
    record: Readonly<Record<string, string>>,
    private readonly mapping: ColumnMapping,
  ) {
    for (const column in mapping) {
      const field = mapping[column]!;
      if (field === 'ignore') continue;
      const text = (record[column] ?? '').trim();
      if (text === '') continue;
      const cells = this.byField.get(field);
      if (cells) cells.push({ column, field, text });
      else this.byField.set(field, [{ column, field, text }]);
    }
  }

  /** Non-blank cells of a field, in column order. */
  all(field: ImportField): Cell[] {
    return this.byField.get(field) ?? NO_CELLS;
  }

  /** The fields named `custom:…` or `secret:…` that have a value in this row. */
  prefixed(prefix: 'custom:' | 'secret:'): ImportField[] {
    return [...this.byField.keys()].filter((f) => f.startsWith(prefix));
  }

  /** The cell of a field that holds one value; other columns saying something else are errors. */
  one(field: ImportField): Cell | null {
    const [first, ...others] = this.all(field);
    for (const other of others) {
      if (other.text === first!.text) continue;
      this.fail(other, `says "${other.text}" but column "${first!.column}" says "${first!.text}"; keep one of them`);
    }
    return first ?? null;
  }

  /** The value of a field read by `parse`; null when blank or unreadable (the reason is recorded). */
  read<T>(field: ImportField, parse: (text: string) => Parsed<T | null>): T | null {
    return this.readCell(this.one(field), parse);
  }

  readCell<T>(cell: Cell | null, parse: (text: string) => Parsed<T | null>): T | null {
    if (!cell) return null;
    const parsed = parse(cell.text);
    if (parsed.ok) return parsed.value;
    this.fail(cell, parsed.reason);
    return null;
  }

  /** Records that a required field has no value, against its column if it has one. */
  missing(field: ImportField, message: string): void {
    const column = Object.keys(this.mapping).find((c) => this.mapping[c] === field) ?? '';
    this.errors.push({ column, field, message });
  }

  fail(cell: Cell, message: string): void {
    this.errors.push({ column: cell.column, field: cell.field, message });
  }
}

function readIdentity(row: RowCells, defaults: ImportDefaults) {
  const clientName = row.one('client')?.text ?? defaults.client?.trim() ?? '';
  if (clientName === '') row.missing('client', 'No client: give this row a client, or choose a default client for the import');
  const identifier = row.one('identifier')?.text ?? '';
  if (identifier === '') row.missing('identifier', 'No identifier: every asset needs one (a domain name, host name, licence number, …)');
  const kind = row.read('kind', parseAssetKind) ?? defaults.kind ?? null;
  if (kind === null && row.all('kind').length === 0) {
    row.missing('kind', 'No kind: say what the asset is (domain, hosting, certificate, …), or choose a default kind');
  }
  const providerName = row.one('provider')?.text ?? null;
  const providerKind = providerName === null ? null : (row.one('providerKind')?.text.toLowerCase() ?? defaults.providerKind ?? null);
  const name = row.one('name')?.text ?? identifier;
  const projectNames = parseProjectNames(row.all('project').map((c) => c.text).join(';'));
  return { clientName, identifier, kind, name, providerName, providerKind, projectNames };
}

interface Amount {
  cell: Cell | null;
  money: ParsedMoney | null;
}

/** An amount, checked against the currency column when the cell names its own currency. */
function readAmount(row: RowCells, field: 'cost' | 'renewalPrice', stated: string | null, fallback: string | null): Amount {
  const cell = row.one(field);
  const money = row.readCell(cell, (text) => parseMoney(text, fallback));
  if (!cell || !money || !money.currencyInText || stated === null || money.currency === stated) return { cell, money };
  row.fail(cell, `"${cell.text}" is in ${money.currency} but the currency column says ${stated}`);
  return { cell, money: null };
}

function readMoney(row: RowCells, defaults: ImportDefaults) {
  const stated = row.read('currency', parseCurrencyCode);
  const byDefault = defaults.currency ? normalizeCurrencyCode(defaults.currency) : null;
  if (defaults.currency && !byDefault) row.missing('currency', `The default currency "${defaults.currency}" is not an ISO 4217 code`);
  const cost = readAmount(row, 'cost', stated, stated ?? byDefault).money;
  const renewal = readAmount(row, 'renewalPrice', stated, stated ?? byDefault);
  if (cost && renewal.money && cost.currency !== renewal.money.currency) {
    const message = `"${renewal.cell!.text}" is in ${renewal.money.currency} but the cost is in ${cost.currency}; an asset has one currency`;
    row.fail(renewal.cell!, message);
  }
  const currency = stated ?? cost?.currency ?? renewal.money?.currency ?? byDefault;
  return { currency, costAmount: cost?.amount ?? null, renewalAmount: renewal.money?.amount ?? null };
}

function readRenewal(row: RowCells, defaults: ImportDefaults) {
  const cycle = row.read('billingCycle', parseBillingCycle);
  return {
    status: row.read('status', parseAssetStatus) ?? 'active',
    expiresOn: row.read('expiresOn', parseDate),
    billingCycle: cycle?.billingCycle ?? defaults.billingCycle ?? 'yearly',
    cycleMonths: cycle?.cycleMonths ?? null,
    autoRenew: row.read('autoRenew', parseYesNo) ?? false,
    ownerEmail: row.read('owner', parseEmail),
  };
}

/** Tags, notes and custom fields gather every column mapped to them; a secret holds one value. */
function readExtras(row: RowCells) {
  const customFields: Record<string, string> = {};
  for (const field of row.prefixed('custom:')) {
    const texts = row.all(field).map((c) => c.text);
    if (texts.length > 0) customFields[field.slice('custom:'.length)] = texts.join(', ');
  }
  const secrets: Record<string, string> = {};
  for (const field of row.prefixed('secret:')) {
    const cell = row.one(field);
    if (cell) secrets[field.slice('secret:'.length)] = cell.text;
  }
  return {
    tags: parseTags(row.all('tags').map((c) => c.text).join(',')),
    notes: row.all('notes').map((c) => c.text).join('\n'),
    customFields,
    secrets,
  };
}

/** Errors as a person reads the row: left to right, the ones without a column first. */
function inColumnOrder(errors: RowError[], mapping: ColumnMapping): RowError[] {
  const columns = Object.keys(mapping);
  return errors.toSorted((a, b) => columns.indexOf(a.column) - columns.indexOf(b.column));
}

/**
 * Reads one row (`record`: original header → cell text) through `mapping`. Blank cells take the
 * defaults: status active, billing cycle yearly, auto-renew off, name = identifier. A row without
 * a client, an identifier or a kind (from its columns or the defaults) is an error, as is any cell
 * that cannot be read; all of a row's errors are reported together, each with its column, in column order.
 */
export function readRow(record: Readonly<Record<string, string>>, mapping: ColumnMapping, defaults: ImportDefaults): RowReading {
  const row = new RowCells(record, mapping);
  const identity = readIdentity(row, defaults);
  const money = readMoney(row, defaults);
  const renewal = readRenewal(row, defaults);
  const extras = readExtras(row);
  if (row.errors.length > 0 || identity.kind === null) return { ok: false, errors: inColumnOrder(row.errors, mapping) };
  // Spelled out rather than spread: spreading four objects into one cost more than reading the row.
  const draft: AssetDraft = {
    clientName: identity.clientName,
    projectNames: identity.projectNames,
    providerName: identity.providerName,
    providerKind: identity.providerKind,
    kind: identity.kind,
    name: identity.name,
    identifier: identity.identifier,
    status: renewal.status,
    expiresOn: renewal.expiresOn,
    billingCycle: renewal.billingCycle,
    cycleMonths: renewal.cycleMonths,
    currency: money.currency,
    costAmount: money.costAmount,
    renewalAmount: money.renewalAmount,
    autoRenew: renewal.autoRenew,
    ownerEmail: renewal.ownerEmail,
    tags: extras.tags,
    notes: extras.notes,
    customFields: extras.customFields,
    secrets: extras.secrets,
  };
  return { ok: true, draft };
}
