import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Instants are ISO-8601 UTC strings, calendar dates are
 * `YYYY-MM-DD` strings, money is integer minor units, booleans are 0/1 and JSON is text:
 * the same values come back from SQLite and PostgreSQL (see `database.ts` for the type parsers).
 */
export interface ClientTable {
  id: string;
  name: string;
  contacts: string; // JSON: Contact[]
  locale: string;
  currency: string;
  notes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ProjectTable {
  id: string;
  client_id: string;
  name: string;
  manager_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface ProviderTable {
  id: string;
  name: string;
  kind: string;
  website: string | null;
  account_reference: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface AssetTable {
  id: string;
  client_id: string;
  kind: string;
  name: string;
  identifier: string;
  provider_id: string | null;
  status: string;
  expires_on: string | null;
  billing_cycle: string;
  cycle_months: number | null;
  currency: string;
  cost_amount: number | null;
  renewal_amount: number | null;
  /** Derived by `yearlyCost()` on every write, so totals are a SUM, not a recomputation. */
  yearly_cost: number;
  auto_renew: number;
  owner_id: string | null;
  notes: string;
  tags: string; // JSON: string[]; asset_tags mirrors it for filtering
  custom_fields: string; // JSON: Record<string, string | number | boolean | null>
  secrets: string; // JSON: Record<string, ciphertext>
  search_text: string;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

export interface AssetProjectTable {
  asset_id: string;
  project_id: string;
}

export interface AssetTagTable {
  asset_id: string;
  tag: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  client_id: string | null;
  locale: string;
  time_zone: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string; // JSON: TokenScope[]
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_hash: string;
}

export interface JobTable {
  id: string;
  name: string;
  payload: string;
  idempotency_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ImportTable {
  id: string;
  file_name: string;
  content: string;
  created_by: string | null;
  created_at: string;
  committed_at: string | null;
  result: string | null;
}

export interface Schema {
  clients: ClientTable;
  projects: ProjectTable;
  providers: ProviderTable;
  assets: AssetTable;
  asset_projects: AssetProjectTable;
  asset_tags: AssetTagTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  jobs: JobTable;
  settings: SettingTable;
  imports: ImportTable;
}

export type Row<T extends keyof Schema> = Selectable<Schema[T]>;
export type NewRow<T extends keyof Schema> = Insertable<Schema[T]>;
export type RowPatch<T extends keyof Schema> = Updateable<Schema[T]>;
