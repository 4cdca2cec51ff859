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

// ---- renewals (migration 0008) ----

export interface RenewalPolicyTable {
  id: string;
  scope: string; // default | client | kind | asset
  target: string; // '' for the default
  settings: string; // JSON: PolicyOverride (a whole RenewalPolicy for the default)
  created_at: string;
  updated_at: string;
}

export interface RenewalSweepTable {
  id: string;
  swept_at: string;
  started_at: string;
  finished_at: string | null;
  counts: string | null; // JSON
}

export interface RenewalReminderTable {
  key: string;
  asset_id: string;
  renewal_on: string;
  kind: string; // renewal | expired | cancel | pay
  offset_days: number;
  recipient_id: string | null;
  fire_at: string;
  late: number;
  event_id: string | null;
  sent_at: string;
}

export interface RenewalTaskTable {
  id: string;
  asset_id: string;
  client_id: string;
  project_id: string | null;
  renewal_on: string;
  due_on: string;
  assignee_id: string | null;
  state: string; // open | in_progress | snoozed | done | cancelled
  snoozed_until: string | null;
  outcome: string | null; // renewed | cancelled
  renewed_until: string | null;
  paid_amount: number | null;
  paid_currency: string | null;
  escalated_at: string | null;
  completed_at: string | null;
  completed_by: string | null;
  pushed: string | null; // JSON
  created_at: string;
  updated_at: string;
}

export interface RenewalTaskCommentTable {
  id: string;
  task_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface AssetCostTable {
  id: string;
  asset_id: string;
  client_id: string;
  paid_on: string;
  amount: number;
  currency: string;
  renewal_on: string | null;
  renewed_until: string | null;
  task_id: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface AutoRenewCheckTable {
  asset_id: string;
  renewal_on: string;
  state: string; // waiting | renewed | failed
  event_id: string | null;
  checked_at: string;
  resolved_at: string | null;
}

export interface WasteAuditTable {
  id: string;
  state: string; // running | finished | failed
  client_id: string | null;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
  counts: string | null; // JSON
  error: string | null;
}

export interface WasteFindingTable {
  audit_id: string;
  asset_id: string;
  client_id: string;
  reasons: string; // JSON: WasteReason[]
  unknown: string; // JSON: string[]
  yearly_saving: number | null;
  currency: string | null;
}

export interface WasteDecisionTable {
  id: string;
  asset_id: string;
  decision: string; // keep | cancel
  keep_for_days: number | null;
  note: string;
  decided_by: string | null;
  decided_at: string;
}

export interface CalendarFeedTable {
  id: string;
  owner_type: string; // user | client
  owner_id: string;
  token_hash: string;
  token_sealed: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

// ---- desk (migration 0009) ----

export interface BusinessCalendarTable {
  id: string;
  name: string;
  definition: string; // JSON: BusinessCalendar
  created_at: string;
  updated_at: string;
}

export interface SlaPlanTable {
  id: string;
  name: string;
  client_id: string | null; // unique when set; null for the agency's templates
  is_default: number; // 1 for the agency default (at most one)
  calendar_id: string; // support hours
  definition: string; // JSON: SlaPlanTerms
  created_at: string;
  updated_at: string;
}

// ---- tickets (migration 0010) ----

export interface TicketTable {
  id: string;
  client_id: string;
  title: string;
  severity: string; // critical | high | medium | low
  status: string; // new | open | waiting | resolved | closed | reopened
  assignee_id: string | null;
  source: string; // portal | staff | api | incident
  incident_id: string | null; // unique when set
  created_by: string | null;
  plan_id: string;
  sla_terms: string; // JSON: { severities, supportHours } as at creation
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  first_response_due_at: string | null;
  first_response_warning_at: string | null;
  resolution_due_at: string | null;
  resolution_warning_at: string | null;
  next_due_at: string | null;
  first_response_warned_at: string | null;
  first_response_breached_at: string | null;
  resolution_warned_at: string | null;
  resolution_breached_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TicketMessageTable {
  id: string;
  ticket_id: string;
  author_kind: string; // staff | client | system
  author_id: string | null;
  body: string;
  visibility: string; // public | internal
  attachments: Generated<string>; // JSON: attachment metadata
  created_at: string;
}

export interface TicketEventTable {
  id: string;
  ticket_id: string;
  kind: string; // status | severity | assignee
  from_value: string | null;
  to_value: string | null;
  actor_id: string | null;
  at: string;
}

export interface BillingProfileTable {
  client_id: string;
  tax_name: string | null;
  tax_basis_points: number | null;
  reverse_charge: number;
  vat_number: string | null;
  address: string; // JSON: string[]
  invoice_days_before: number;
  approval_threshold_amount: number | null;
  approval_threshold_currency: string | null;
  payment_terms_days: number;
  created_at: string;
  updated_at: string;
}

export interface InvoiceTable {
  id: string;
  kind: string; // invoice | credit-note
  number: string | null;
  series: string | null; // invoice | credit-note, once numbered
  year: number | null;
  sequence: number | null;
  state: string;
  client_id: string;
  currency: string;
  issued_on: string | null;
  due_on: string | null;
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  reverse_charge: number;
  correcting_invoice_id: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  // 0014: JSON, the parties as issued; null on drafts and on invoices issued before 0014
  seller_party: string | null;
  buyer_party: string | null;
}

export interface InvoiceLineTable {
  id: string;
  invoice_id: string;
  position: number;
  description: string;
  asset_id: string | null;
  period_from: string | null;
  period_to: string | null;
  quantity: number;
  unit_price: number;
  tax_name: string | null;
  tax_basis_points: number | null;
  net: number;
  renewal_key: string | null;
}

// payments (0012)
export interface BillingGatewayTable {
  name: string; // stripe | paypal
  config: string; // JSON: the settings that are not secret
  sealed_secrets: string | null;
  created_at: string;
  updated_at: string;
}
export interface PaymentCustomerTable {
  client_id: string;
  gateway: string;
  customer_ref: string;
  created_at: string;
}
export interface PaymentMethodTable {
  id: string;
  client_id: string;
  gateway: string;
  method_ref: string;
  kind: string; // card | paypal | other
  label: string;
  exp_month: number | null;
  exp_year: number | null;
  is_default: number;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}
export interface MethodSetupTable {
  id: string;
  client_id: string;
  gateway: string;
  session_ref: string;
  state: string; // started | finished | failed
  method_id: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}
export interface ChargeTable {
  id: string;
  invoice_id: string;
  client_id: string;
  gateway: string;
  method_id: string;
  attempt: number;
  idempotency_key: string;
  amount: number;
  currency: string;
  state: string; // requested | pending | succeeded | declined | failed
  charge_ref: string | null;
  decline_kind: string | null;
  decline_code: string | null;
  decline_message: string | null;
  trigger: string; // auto | pay-now | dunning | person
  requested_by: string | null;
  requested_at: string;
  settled_at: string | null;
}
export interface AutoChargeTable {
  invoice_id: string;
  client_id: string;
  charge_on: string;
  amount: number;
  currency: string;
  state: string;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface DunningCaseTable {
  invoice_id: string;
  client_id: string;
  state: string; // active | recovered | exhausted | stopped
  entered_at: string;
  next_attempt_at: string | null;
  failures: number;
  last_reason: string | null;
  used_fallback: number;
  closed_at: string | null;
}
export interface GatewayEventTable {
  gateway: string;
  event_id: string;
  type: string;
  outcome: string;
  received_at: string;
}
export interface CardExpiryRequestTable {
  method_id: string;
  valid_through: string;
  requested_at: string;
}
export interface BillingRunTable {
  id: string;
  run_on: string;
  invoices: number;
  lines: number;
  started_at: string;
  finished_at: string | null;
}

export interface InvoiceCounterTable {
  series: string;
  year: number;
  last_sequence: number;
}

export interface PaymentTable {
  id: string;
  invoice_id: string;
  amount: number;
  currency: string;
  gateway: string | null;
  gateway_ref: string | null;
  kind: string; // payment | refund
  received_at: string;
  created_at: string;
}

// refunds (0013)
export interface RefundTable {
  id: string;
  invoice_id: string;
  payment_id: string;
  gateway: string | null;
  charge_ref: string | null;
  idempotency_key: string;
  amount: number;
  currency: string;
  reason: string;
  state: string; // requested | succeeded | failed
  refunded_before: number;
  refund_ref: string | null;
  ledger_payment_id: string | null;
  failure: string | null;
  requested_by: string | null;
  requested_at: string;
  settled_at: string | null;
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
  // renewals tables (0008)
  renewal_policies: RenewalPolicyTable;
  renewal_sweeps: RenewalSweepTable;
  renewal_reminders: RenewalReminderTable;
  renewal_tasks: RenewalTaskTable;
  renewal_task_comments: RenewalTaskCommentTable;
  asset_costs: AssetCostTable;
  auto_renew_checks: AutoRenewCheckTable;
  waste_audits: WasteAuditTable;
  waste_findings: WasteFindingTable;
  waste_decisions: WasteDecisionTable;
  calendar_feeds: CalendarFeedTable;
  // desk tables (0009)
  business_calendars: BusinessCalendarTable;
  sla_plans: SlaPlanTable;
  // tickets (0010)
  tickets: TicketTable;
  ticket_messages: TicketMessageTable;
  ticket_events: TicketEventTable;
  // billing (0011)
  billing_profiles: BillingProfileTable;
  invoices: InvoiceTable;
  invoice_lines: InvoiceLineTable;
  invoice_counters: InvoiceCounterTable;
  payments: PaymentTable;
  // payments (0012)
  billing_gateways: BillingGatewayTable;
  payment_customers: PaymentCustomerTable;
  payment_methods: PaymentMethodTable;
  method_setups: MethodSetupTable;
  charges: ChargeTable;
  auto_charges: AutoChargeTable;
  dunning_cases: DunningCaseTable;
  gateway_events: GatewayEventTable;
  card_expiry_requests: CardExpiryRequestTable;
  billing_runs: BillingRunTable;
  // refunds (0013)
  refunds: RefundTable;
}

export type Row<T extends keyof Schema> = Selectable<Schema[T]>;
export type NewRow<T extends keyof Schema> = Insertable<Schema[T]>;
export type RowPatch<T extends keyof Schema> = Updateable<Schema[T]>;
