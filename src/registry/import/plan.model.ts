import { monthsPerCycle, type Asset } from '../assets.model.ts';
import { normaliseTags } from '../assets.rules.ts';
import type { ColumnMapping, ImportField } from './columns.model.ts';
import type { AssetDraft, RowError, RowReading } from './row.model.ts';

/**
 * What an import would do, decided before anything is written: which clients, providers and
 * projects are new, which assets are created, which change, which are already as the file
 * says, and which rows are rejected and why. Pure: it is handed what the registry holds.
 */
export interface KnownParties {
  /** By lower-cased name. */
  clients: Map<string, { id: string; name: string; currency: string }>;
  providers: Map<string, { id: string; name: string }>;
  /** By `clientId|lower-cased project name`. */
  projects: Map<string, string>;
  /** By lower-cased email. */
  users: Map<string, { id: string; role: string }>;
  /** By identity key: `clientId|kind|lower-cased identifier`. */
  assets: Map<string, ExistingAsset>;
}

export interface ExistingAsset extends Asset {
  /** Secret values in plain text, for comparison only (empty unless the file maps secrets). */
  secrets: Record<string, string>;
}

/** A row ready to write: names resolved to ids, or to the new parties the import will create. */
export interface PlannedAsset {
  line: number;
  draft: AssetDraft;
  /** Existing client id, or `new:<lower-cased name>`. */
  clientRef: string;
  providerRef: string | null;
  projectRefs: string[];
  ownerId: string | null;
  currency: string;
}

export interface PlannedUpdate extends PlannedAsset {
  existing: ExistingAsset;
  /** The asset fields the file changes. */
  changes: string[];
}

export interface ImportPlan {
  newClients: { ref: string; name: string; currency: string }[];
  newProviders: { ref: string; name: string; kind: string }[];
  newProjects: { ref: string; clientRef: string; name: string }[];
  creates: PlannedAsset[];
  updates: PlannedUpdate[];
  unchanged: number[];
  rejected: { line: number; errors: RowError[] }[];
}

const lower = (s: string) => s.trim().toLowerCase();

export function identityKey(clientRef: string, kind: string, identifier: string): string {
  return `${clientRef}|${kind}|${lower(identifier)}`;
}

/** Standard fields a re-import may change: those with a column, so a missing column never resets a value. */
export function mappedFields(mapping: ColumnMapping): Set<ImportField> {
  return new Set(Object.values(mapping));
}

export function planImport(rows: { line: number; reading: RowReading }[], mapping: ColumnMapping, known: KnownParties, defaultCurrency: string): ImportPlan {
  const plan: ImportPlan = { newClients: [], newProviders: [], newProjects: [], creates: [], updates: [], unchanged: [], rejected: [] };
  const builder = new PartyBuilder(known, plan, defaultCurrency);
  const seen = new Map<string, number>();
  const fields = mappedFields(mapping);
  for (const { line, reading } of rows) {
    if (!reading.ok) {
      plan.rejected.push({ line, errors: reading.errors });
      continue;
    }
    const errors: RowError[] = [];
    const planned = builder.resolve(line, reading.draft, mapping, errors);
    const key = identityKey(planned.clientRef, reading.draft.kind, reading.draft.identifier);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) errors.push({ column: columnOf(mapping, 'identifier'), field: 'identifier', message: `the same ${reading.draft.kind} as line ${firstLine}` });
    if (errors.length > 0) {
      plan.rejected.push({ line, errors });
      continue;
    }
    seen.set(key, line);
    const existing = known.assets.get(key);
    if (!existing) plan.creates.push(planned);
    else {
      const changes = differences(planned, existing, fields);
      if (changes.length === 0) plan.unchanged.push(line);
      else plan.updates.push({ ...planned, existing, changes });
    }
  }
  return plan;
}

export function columnOf(mapping: ColumnMapping, field: ImportField): string {
  return Object.entries(mapping).find(([, f]) => f === field)?.[0] ?? '';
}

/** Finds or plans the client, provider, projects and owner a draft names. */
class PartyBuilder {
  private readonly newClients = new Map<string, { ref: string; name: string; currency: string }>();
  private readonly newProviders = new Map<string, string>();
  private readonly newProjects = new Map<string, string>();

  constructor(
    private readonly known: KnownParties,
    private readonly plan: ImportPlan,
    private readonly defaultCurrency: string,
  ) {}

  resolve(line: number, draft: AssetDraft, mapping: ColumnMapping, errors: RowError[]): PlannedAsset {
    const client = this.client(draft);
    const ownerId = this.owner(draft, mapping, errors);
    return {
      line,
      draft,
      clientRef: client.ref,
      providerRef: draft.providerName ? this.provider(draft.providerName, draft.providerKind) : null,
      projectRefs: [...new Set(draft.projectNames.map((p) => this.project(client.ref, p)))].sort(),
      ownerId,
      currency: draft.currency ?? client.currency,
    };
  }

  private client(draft: AssetDraft): { ref: string; currency: string } {
    const key = lower(draft.clientName);
    const known = this.known.clients.get(key);
    if (known) return { ref: known.id, currency: known.currency };
    let planned = this.newClients.get(key);
    if (!planned) {
      // A new client takes the currency of its first row that states one.
      planned = { ref: `new:${key}`, name: draft.clientName.trim(), currency: draft.currency ?? this.defaultCurrency };
      this.newClients.set(key, planned);
      this.plan.newClients.push(planned);
    }
    return planned;
  }

  private provider(name: string, kind: string | null): string {
    const key = lower(name);
    const known = this.known.providers.get(key);
    if (known) return known.id;
    let ref = this.newProviders.get(key);
    if (!ref) {
      ref = `new:${key}`;
      this.newProviders.set(key, ref);
      this.plan.newProviders.push({ ref, name: name.trim(), kind: kind ?? 'other' });
    }
    return ref;
  }

  private project(clientRef: string, name: string): string {
    const key = `${clientRef}|${lower(name)}`;
    const known = this.known.projects.get(key);
    if (known) return known;
    let ref = this.newProjects.get(key);
    if (!ref) {
      ref = `new:${key}`;
      this.newProjects.set(key, ref);
      this.plan.newProjects.push({ ref, clientRef, name: name.trim() });
    }
    return ref;
  }

  private owner(draft: AssetDraft, mapping: ColumnMapping, errors: RowError[]): string | null {
    if (!draft.ownerEmail) return null;
    const user = this.known.users.get(lower(draft.ownerEmail));
    if (user && user.role !== 'client') return user.id;
    const message = user ? `${draft.ownerEmail} is a client-portal user, not staff` : `no user with email ${draft.ownerEmail}`;
    errors.push({ column: columnOf(mapping, 'owner'), field: 'owner', message });
    return null;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The asset fields that a mapped column would change. */
function differences(p: PlannedAsset, e: ExistingAsset, fields: Set<ImportField>): string[] {
  const d = p.draft;
  const checks: [ImportField, string, boolean][] = [
    ['name', 'name', d.name !== e.name],
    // A blank provider cell keeps the provider (applyUpdate does), so it is no change either.
    ['provider', 'providerId', p.providerRef !== null && p.providerRef !== e.providerId],
    ['status', 'status', d.status !== e.status],
    ['expiresOn', 'expiresOn', d.expiresOn !== e.expiresOn],
    // "multi-year" of unsaid length is stored as 24 months: compare lengths, not how they were written.
    ['billingCycle', 'billingCycle', d.billingCycle !== e.billingCycle || monthsPerCycle(d.billingCycle, d.cycleMonths) !== monthsPerCycle(e.billingCycle, e.cycleMonths)],
    ['currency', 'currency', p.currency !== e.currency],
    ['cost', 'costAmount', d.costAmount !== e.costAmount],
    ['renewalPrice', 'renewalAmount', d.renewalAmount !== e.renewalAmount],
    ['autoRenew', 'autoRenew', d.autoRenew !== e.autoRenew],
    ['owner', 'ownerId', p.ownerId !== e.ownerId],
    ['project', 'projectIds', !p.projectRefs.every((r) => e.projectIds.includes(r))],
    ['tags', 'tags', !same(normaliseTags([...e.tags, ...d.tags]), e.tags)],
    ['notes', 'notes', d.notes !== e.notes],
  ];
  const changes = checks.filter(([field, , differs]) => fields.has(field) && differs).map(([, name]) => name);
  if (Object.entries(d.customFields).some(([k, v]) => e.customFields[k] !== v)) changes.push('customFields');
  if (Object.entries(d.secrets).some(([k, v]) => e.secrets[k] !== v)) changes.push('secrets');
  return changes;
}
