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

export interface EventTable {
  id: string;
  type: string;
  severity: string;
  client_id: string | null;
  project_id: string | null;
  asset_id: string | null;
  subject_key: string;
  group_key: string | null;
  data: string; // JSON: EventData[type]
  occurred_at: string;
  created_at: string;
}

// ---- monitoring: monitors and what people see of them (migration 0004) ----

export interface MonitorTable {
  id: string;
  name: string;
  kind: string;
  config: string; // JSON, no secrets
  secret_config: string | null; // sealed JSON
  interval_seconds: number;
  timeout_ms: number;
  client_id: string | null;
  project_id: string | null;
  asset_id: string | null;
  parent_id: string | null;
  failure_threshold: number;
  recovery_threshold: number;
  locations: string; // JSON: string[]
  quorum: number;
  state: string; // pending | up | down
  flapping: number;
  state_changed_at: string | null;
  paused_at: string | null;
  last_checked_at: string | null;
  last_ok: number | null;
  last_message: string | null;
  last_response_ms: number | null;
  check_requested_at: string | null;
  ping_key_hash: string | null;
  shard: number;
  created_at: string;
  updated_at: string;
}

export interface IncidentTable {
  id: string;
  monitor_id: string;
  client_id: string | null;
  project_id: string | null;
  parent_incident_id: string | null;
  state: string; // open | resolved
  flapping: number;
  in_maintenance: number;
  cause: string;
  root_cause: string | null;
  started_at: string;
  confirmed_at: string;
  notified_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  updated_at: string;
}

export interface IncidentUpdateTable {
  id: string;
  incident_id: string;
  kind: string;
  message: string;
  public: number;
  by_user_id: string | null;
  at: string;
}

export interface MaintenanceWindowTable {
  id: string;
  title: string;
  scope_type: string; // monitor | asset | project | client
  scope_id: string;
  starts_at: string;
  ends_at: string;
  recurrence: string | null; // JSON
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface StatusPageTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  client_id: string | null;
  project_id: string | null;
  monitor_ids: string; // JSON: string[]
  published: number;
  created_at: string;
  updated_at: string;
}

export interface HeartbeatPingTable {
  id: string;
  monitor_id: string;
  kind: string; // success | start | fail
  exit_code: number | null;
  size_bytes: number | null;
  body: string | null;
  source_ip: string | null;
  received_at: string;
}

// ---- monitoring engine: results, rollups, state intervals, leases (migration 0005) ----

export interface MonitorSeriesTable {
  series: Generated<number>;
  monitor_id: string;
}

/** One row per check, kept compact: `at_ms` is epoch milliseconds, `series` the monitor's number. */
export interface CheckResultTable {
  series: number;
  at_ms: number;
  location: string;
  ok: number;
  response_ms: number | null;
  status_code: number | null;
  message: string | null;
  details: string | null; // compact JSON, see monitoring/results.model.ts
}

export interface CheckRollupTable {
  monitor_id: string;
  period_start: string;
  checks: number;
  failures: number;
  down_seconds: number;
  maintenance_seconds: number;
  p50_ms: number | null;
  p95_ms: number | null;
  max_ms: number | null;
}

export interface MonitorStateIntervalTable {
  monitor_id: string;
  started_at: string;
  ended_at: string | null;
  state: string; // up | down
}

export interface MonitorLocationStateTable {
  monitor_id: string;
  location: string;
  ok: number;
  streak: number;
  streak_started_at: string;
  checked_at: string;
  message: string;
}

export interface MonitorNoticeTable {
  monitor_id: string;
  kind: string; // certificate | domain
  fact: string;
  at: string;
}

export interface MonitorWorkerTable {
  id: string;
  location: string;
  started_at: string;
  heartbeat_at: string;
}

export interface MonitorLeaseTable {
  location: string;
  shard: number;
  worker_id: string | null;
  lease_until: string;
}

// ---- notifications: channels and the outbox (migration 0006) ----

export interface NotificationChannelTable {
  id: string;
  kind: string; // ChannelKind
  name: string;
  /** The user whose channel it is; null for an agency-wide channel. */
  owner_user_id: string | null;
  /** A client-facing channel (a client's own address): messages use the client's language and wording. */
  client_id: string | null;
  config: string; // JSON, no secrets
  secret_config: string | null; // sealed JSON of the adapter's secretFields
  status: string; // ok | failing | broken
  status_reason: string | null;
  status_changed_at: string | null;
  last_sent_at: string | null;
  /** Messages per minute this channel takes; null for no limit. */
  rate_per_minute: number | null;
  rate_window: string | null; // the minute the count belongs to
  rate_count: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationPreferenceTable {
  user_id: string;
  primary_channel_id: string | null;
  fallback_channel_id: string | null;
  locale: string | null; // null: the user's own locale
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  /** Event (or digest) × recipient × reason: queueing the same again finds this row. */
  dedupe_key: string;
  event_id: string | null;
  digest_event_ids: string | null; // JSON: string[]
  recipient_user_id: string | null;
  recipient_channel_id: string | null;
  reason: string;
  status: string; // queued | sending | retrying | sent | gave_up
  channel_id: string | null; // the channel it goes out on now
  fallback_used: number;
  attempts: number;
  not_before: string;
  next_attempt_at: string | null;
  subject: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface NotificationDeliveryTable {
  id: string;
  notification_id: string;
  channel_id: string;
  attempt: number;
  status: string; // sending | sent | failed | gave_up
  failure: string | null; // temporary | permanent | interrupted
  reason: string | null;
  idempotency_key: string;
  provider_message_id: string | null;
  started_at: string;
  finished_at: string | null;
  retry_at: string | null;
}

export interface NotificationTemplateTable {
  event_type: string;
  audience: string; // staff | client
  locale: string;
  subject: string;
  text: string;
  html: string | null;
  updated_by: string | null;
  updated_at: string;
}

// ---- notification policies: routing, escalation, quiet hours, digests (migration 0007) ----

export interface EscalationPolicyTable {
  id: string;
  name: string;
  steps: string; // JSON: EscalationStep[]
  created_at: string;
  updated_at: string;
}

export interface RoutingRuleTable {
  id: string;
  name: string;
  event_types: string; // JSON: string[]
  min_severity: string | null;
  client_id: string | null;
  project_id: string | null;
  targets: string; // JSON: Target[]
  escalation_policy_id: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface NotificationSubjectTable {
  subject_key: string;
  state: string; // open | resolved
  group_key: string | null;
  grouped: number;
  last_event_id: string;
  last_type: string;
  last_severity: string;
  opened_at: string;
  notified_at: string | null;
  resolved_at: string | null;
  updated_at: string;
}

export interface NotificationDecisionTable {
  event_id: string;
  recipient_key: string;
  reason: string;
  subject_key: string;
  outcome: string;
  notification_id: string | null;
  not_before: string | null;
  created_at: string;
}

export interface EscalationTable {
  subject_key: string;
  policy_id: string;
  event_id: string;
  state: string; // running | acknowledged | resolved | completed
  next_step: number;
  next_at: string | null;
  started_at: string;
  stopped_at: string | null;
  updated_at: string;
}

export interface AcknowledgementTable {
  subject_key: string;
  user_id: string | null;
  via: string;
  acknowledged_at: string;
}

export interface NotificationScheduleTable {
  user_id: string;
  time_zone: string | null;
  quiet_hours: string; // JSON: Window[]
  working_hours: string | null; // JSON: Window[]
  digest_types: string; // JSON: string[]
  digest_frequency: string;
  digest_time: string;
  digest_weekday: number;
  updated_at: string;
}

export interface DigestItemTable {
  recipient_key: string;
  event_id: string;
  due_at: string;
  added_at: string;
  sent_at: string | null;
  notification_id: string | null;
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
  events: EventTable;
  monitors: MonitorTable;
  incidents: IncidentTable;
  incident_updates: IncidentUpdateTable;
  maintenance_windows: MaintenanceWindowTable;
  status_pages: StatusPageTable;
  heartbeat_pings: HeartbeatPingTable;
  // monitoring engine tables
  monitor_series: MonitorSeriesTable;
  check_results: CheckResultTable;
  check_rollups_hourly: CheckRollupTable;
  check_rollups_daily: CheckRollupTable;
  monitor_state_intervals: MonitorStateIntervalTable;
  monitor_location_states: MonitorLocationStateTable;
  monitor_notices: MonitorNoticeTable;
  monitor_workers: MonitorWorkerTable;
  monitor_leases: MonitorLeaseTable;
  // notifications tables (0006)
  notification_channels: NotificationChannelTable;
  notification_preferences: NotificationPreferenceTable;
  notifications: NotificationTable;
  notification_deliveries: NotificationDeliveryTable;
  notification_templates: NotificationTemplateTable;
  // notification policy tables (0007)
  escalation_policies: EscalationPolicyTable;
  routing_rules: RoutingRuleTable;
  notification_subjects: NotificationSubjectTable;
  notification_decisions: NotificationDecisionTable;
  escalations: EscalationTable;
  acknowledgements: AcknowledgementTable;
  notification_schedules: NotificationScheduleTable;
  digest_items: DigestItemTable;
}

export type Row<T extends keyof Schema> = Selectable<Schema[T]>;
export type NewRow<T extends keyof Schema> = Insertable<Schema[T]>;
export type RowPatch<T extends keyof Schema> = Updateable<Schema[T]>;
