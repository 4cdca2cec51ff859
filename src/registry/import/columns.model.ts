/**
 * The columns of an imported spreadsheet: what each header means, as a suggestion the person
 * importing confirms or changes. Pure: headers in, a mapping and its problems out.
 */
import type { AssetKind } from '../assets.model.ts';

/** What a column can hold, in the words of the asset it becomes. */
export const IMPORT_FIELDS = [
  'client',
  'project',
  'provider',
  'providerKind',
  'kind',
  'name',
  'identifier',
  'status',
  'expiresOn',
  'billingCycle',
  'cost',
  'renewalPrice',
  'currency',
  'autoRenew',
  'owner',
  'tags',
  'notes',
] as const;
export type StandardImportField = (typeof IMPORT_FIELDS)[number];

/** A standard field; `custom:<name>` kept as a custom field; `secret:<name>` stored encrypted; or `ignore`. */
export type ImportField = StandardImportField | `custom:${string}` | `secret:${string}` | 'ignore';

/** Original header, exactly as in the file (trailing spaces and all) → what it holds. */
export type ColumnMapping = Record<string, ImportField>;

/** Values an import gives every row when no column says otherwise. */
export interface SuggestedDefaults {
  kind?: AssetKind;
  providerKind?: string;
}

export function isImportField(value: string): value is ImportField {
  if (value === 'ignore' || (IMPORT_FIELDS as readonly string[]).includes(value)) return true;
  return /^(custom|secret):\S/.test(value);
}

/**
 * A header as compared with known names: byte-order mark and outer spaces dropped, camelCase split
 * (so our own export's `expiresOn` reads back), lower case, runs of spaces, `_` and `-` as one space.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim();
}

/** The key a custom field or secret gets from its header: `Hosting Provider` → `hosting_provider`. */
export const fieldKey = (header: string): string => normalizeHeader(header).replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '');

// ---------------------------------------------------------------------------------------------
// Header problems

export interface HeaderProblem {
  /** `duplicate`: the same header twice, so only one column can be read by name.
   *  `same-when-normalized`: different spellings of one name (`Expiry Date`, `expiry_date`). */
  kind: 'duplicate' | 'same-when-normalized';
  headers: string[];
  /** 1-based column numbers, as a spreadsheet shows them. */
  columns: number[];
  message: string;
}

function columnsBy(headers: readonly string[], key: (header: string) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  headers.forEach((header, index) => {
    if (normalizeHeader(header) === '') return; // blank headers are ignored, however many there are
    groups.set(key(header), [...(groups.get(key(header)) ?? []), index + 1]);
  });
  return groups;
}

/** Headers that cannot be told apart: exact duplicates, and spellings that normalize alike. */
export function checkHeaders(headers: readonly string[]): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  for (const [header, columns] of columnsBy(headers, (h) => h)) {
    if (columns.length < 2) continue;
    const message = `The header "${header}" appears ${columns.length} times (columns ${columns.join(', ')}); only one of them can be read, so rename the others.`;
    problems.push({ kind: 'duplicate', headers: columns.map(() => header), columns, message });
  }
  for (const [, columns] of columnsBy(headers, normalizeHeader)) {
    const spellings = new Set(columns.map((c) => headers[c - 1]!));
    if (spellings.size < 2) continue;
    const named = columns.map((c) => `"${headers[c - 1]}" (column ${c})`).join(' and ');
    const message = `The headers ${named} read as the same name, so they are given the same field; map one of them differently if they hold different things.`;
    problems.push({ kind: 'same-when-normalized', headers: columns.map((c) => headers[c - 1]!), columns, message });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Suggested mapping for any spreadsheet

/** Header names (as normalized) each field is recognised by. */
const FIELD_SYNONYMS: Record<StandardImportField, readonly string[]> = {
  client: ['client', 'client name', 'customer', 'customer name', 'company', 'organisation', 'organization'],
  project: ['project', 'projects', 'project name', 'project names'],
  provider: ['provider', 'provider name', 'vendor', 'supplier', 'registrar', 'registrar name', 'hosting provider', 'hoster', 'issuer', 'certificate authority'],
  providerKind: ['provider kind', 'provider type', 'vendor type'],
  kind: ['kind', 'type', 'asset kind', 'asset type', 'service type'],
  name: ['name', 'asset name', 'service', 'service name', 'label', 'title', 'product'],
  identifier: ['identifier', 'domain', 'domain name', 'domains', 'hostname', 'host name', 'fqdn', 'url', 'website', 'common name', 'serial number'],
  status: ['status', 'state', 'asset status', 'domain status'],
  expiresOn: [
    'expires on', 'expires', 'expiry', 'expiry date', 'expiration', 'expiration date', 'expire date', 'expires at',
    'renewal date', 'renews on', 'next renewal', 'due date', 'valid until', 'valid to', 'not after', 'paid until', 'end date',
  ],
  billingCycle: ['billing cycle', 'cycle', 'billing period', 'period', 'term', 'renewal period', 'billing frequency', 'frequency', 'interval'],
  cost: ['cost', 'price', 'amount', 'fee', 'cost per cycle'],
  renewalPrice: ['renewal price', 'renewal fee', 'renewal cost', 'renewal amount'],
  currency: ['currency', 'fee currency', 'currency code', 'ccy'],
  autoRenew: ['auto renew', 'auto renewal', 'autorenew', 'auto renews', 'automatic renewal', 'renews automatically'],
  owner: ['owner', 'owner email', 'owner e mail', 'responsible', 'assigned to', 'account manager', 'managed by'],
  tags: ['tags', 'tag', 'labels', 'category', 'categories', 'group'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', 'domain notes'],
};

/** Headers whose cells are credentials: stored encrypted and only shown through an audited reveal. */
const SECRET_HEADERS: readonly string[] = [
  'password', 'panel password', 'login password', 'admin password', 'api key', 'api secret', 'api token',
  'licence key', 'license key', 'auth code', 'authcode', 'epp code', 'transfer code', 'authinfo',
];

const FIELD_BY_HEADER: ReadonlyMap<string, StandardImportField> = new Map(
  Object.entries(FIELD_SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field as StandardImportField] as const)),
);

/** The field a header most likely holds; unknown headers are kept as custom fields, so nothing is lost unseen. */
export function suggestField(header: string): ImportField {
  const prefixed = /^\s*(custom|secret)\s*:\s*(.+?)\s*$/i.exec(header);
  if (prefixed) return `${prefixed[1]!.toLowerCase() as 'custom' | 'secret'}:${prefixed[2]!}`;
  const name = normalizeHeader(header);
  if (name === '') return 'ignore';
  // "Price (EUR)" and "Domain*" are recognised by the name without the bracket or the marker.
  for (const candidate of [name, name.replace(/\s*\(.*\)\s*|[*:]/g, '').trim()]) {
    const field = FIELD_BY_HEADER.get(candidate);
    if (field) return field;
    if (SECRET_HEADERS.includes(candidate)) return `secret:${fieldKey(candidate)}`;
  }
  return `custom:${fieldKey(header)}`;
}

export interface SuggestedImport {
  format: 'domainmod' | 'spreadsheet';
  mapping: ColumnMapping;
  defaults: SuggestedDefaults;
  problems: HeaderProblem[];
}

const DOMAIN_HEADERS = new Set(['domain', 'domain name', 'domains']);
const REGISTRAR_HEADERS = new Set(['registrar', 'registrar name']);

/** What a whole file's columns most likely hold, with the fixed values that follow from them. */
export function suggestMapping(headers: readonly string[]): SuggestedImport {
  const problems = checkHeaders(headers);
  if (isDomainModExport(headers)) {
    return { format: 'domainmod', mapping: domainModMapping(headers), defaults: { kind: 'domain', providerKind: 'registrar' }, problems };
  }
  const mapping: ColumnMapping = {};
  for (const header of headers) mapping[header] = suggestField(header);
  const defaults: SuggestedDefaults = {};
  const mappedTo = (field: ImportField, names: Set<string>) =>
    headers.some((h) => mapping[h] === field && names.has(normalizeHeader(h)));
  const hasColumnFor = (field: ImportField) => Object.values(mapping).includes(field);
  // A "Domain" column says what the assets are; a "Registrar" column says what the providers are.
  if (!hasColumnFor('kind') && mappedTo('identifier', DOMAIN_HEADERS)) defaults.kind = 'domain';
  if (!hasColumnFor('providerKind') && mappedTo('provider', REGISTRAR_HEADERS)) defaults.providerKind = 'registrar';
  return { format: 'spreadsheet', mapping, defaults, problems };
}

/** Standard fields an import cannot do without, and that neither a column nor a default gives. */
export function missingFields(mapping: ColumnMapping, defaults: { client?: string | undefined; kind?: string | undefined }): StandardImportField[] {
  const mapped = new Set(Object.values(mapping));
  const missing: StandardImportField[] = [];
  if (!mapped.has('client') && !defaults.client) missing.push('client');
  if (!mapped.has('identifier')) missing.push('identifier');
  // Without this, every row would be rejected for the same reason, one by one.
  if (!mapped.has('kind') && !defaults.kind) missing.push('kind');
  return missing;
}

// ---------------------------------------------------------------------------------------------
// DomainMOD (https://domainmod.org) export template

/** Headers only DomainMOD's bulk import template has together. */
const DOMAINMOD_SIGNATURE = ['domain', 'expiry date', 'auto renewal', 'renewal fee', 'fee currency', 'registrar name', 'registrar account password', 'dns profile name'];

export function isDomainModExport(headers: readonly string[]): boolean {
  const names = new Set(headers.map(normalizeHeader));
  return DOMAINMOD_SIGNATURE.every((name) => names.has(name));
}

/**
 * DomainMOD columns that become asset fields. The domain is the identifier, and the name too,
 * through the rule that a nameless asset is named by its identifier. `renewal_fee` is what the
 * next renewal costs; `registration_fee` was paid once, so it stays a custom field, as do the other
 * fees (DomainMOD adds privacy and misc fees into its totals; Upkeep keeps them visible instead).
 */
const DOMAINMOD_FIELDS: ReadonlyMap<string, ImportField> = new Map(Object.entries({
  domain: 'identifier',
  'expiry date': 'expiresOn',
  'auto renewal': 'autoRenew',
  status: 'status',
  'renewal fee': 'renewalPrice',
  'fee currency': 'currency',
  'domain notes': 'notes',
  category: 'tags',
  'registrar name': 'provider',
  'registrar account password': 'secret:registrar_account_password',
  'api key': 'secret:api_key',
  'api secret': 'secret:api_secret',
  'registrar account email address': 'custom:registrar_account_email',
  'registrar account account id': 'custom:registrar_account_id',
  'domain ip address': 'custom:ip_address',
} satisfies Record<string, ImportField>));

/** Columns about this domain, or needed to act on it (log in and renew), kept as custom fields. */
const DOMAINMOD_CUSTOM = [
  'function', 'privacy', 'registration fee', 'transfer fee', 'privacy fee', 'miscellaneous fee',
  'category stakeholder', 'hosting provider', 'registrar account owner', 'registrar account username',
];

/**
 * The suggested mapping of a DomainMOD export. The ten `dns_server_N` columns go into one custom
 * field, `nameservers` (the delegation the agency expects, to compare with what DNS checks see).
 * Everything else is ignored, because it describes a shared record rather than this domain and
 * repeats on every row: the registrar's, hosting provider's, account's and category's URLs and
 * notes, reseller flags, the API's app name and whitelisted IP, the DNS profile, the name-server
 * IPs (which DNS checks look up live) and the server IP's label, reverse name and notes.
 */
function domainModMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const name = normalizeHeader(header);
    const field = DOMAINMOD_FIELDS.get(name);
    if (field) mapping[header] = field;
    else if (DOMAINMOD_CUSTOM.includes(name)) mapping[header] = `custom:${fieldKey(name)}`;
    else if (/^dns server \d+$/.test(name)) mapping[header] = 'custom:nameservers';
    else mapping[header] = 'ignore';
  }
  return mapping;
}
