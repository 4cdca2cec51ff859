import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { Money } from '../platform/money.ts';
import type { BusinessCalendar } from './calendar.model.ts';
import * as calendars from './calendars.store.ts';
import { auditedPlan, defaultPlan } from './default-plan.service.ts';
import { slaPlanSchema, type Severity, type SeverityTerms, type SlaPlan, type SupportChannel, type UptimeGuarantee } from './plan.model.ts';
import * as store from './plans.store.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { SlaPlanRecord } from './plans.store.ts';

/**
 * SLA plans as the agency keeps them: one per client at most, plus templates with no client, the
 * default among them. A new plan starts from the default and takes what the request gives; a change
 * replaces the fields given (a severity as a whole). Whatever is stored passes slaPlanSchema with
 * the support hours it points at, so the clocks never meet a plan they cannot count.
 */
export interface PlanInput {
  name?: string | undefined;
  clientId?: string | null | undefined;
  calendarId?: string | undefined;
  scope?: { included: string; excluded: string } | undefined;
  severities?: Partial<Record<Severity, SeverityTerms>> | undefined;
  channels?: SupportChannel[] | undefined;
  uptimeGuarantee?: UptimeGuarantee | null | undefined;
  monthlyFee?: Money | null | undefined;
  monthlyReport?: boolean | undefined;
}

/** The plan the pure rules take: the record with its support hours. */
export function slaPlanOf(p: store.SlaPlanRecord, supportHours: BusinessCalendar): SlaPlan {
  return { name: p.name, scope: p.scope, severities: p.severities, supportHours, channels: p.channels, uptimeGuarantee: p.uptimeGuarantee };
}

/** The plan's problems as request fields: `body.severities.high.resolution.minutes`; support hours are the calendar's. */
export function planErrors(plan: SlaPlan): FieldError[] {
  const parsed = slaPlanSchema.safeParse(plan);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = path[0] === 'supportHours' ? 'body.calendarId' : ['body', ...path].join('.');
    return { field, message: issue.message };
  });
}

async function visiblePlan(deps: Deps, actor: Actor, id: string): Promise<store.SlaPlanRecord> {
  const plan = await store.findPlan(deps.database.db, id);
  const scope = clientScope(actor);
  if (!plan || (scope !== null && plan.clientId !== scope)) throw notFound('SLA plan', id);
  return plan;
}

export const getPlan = visiblePlan;

export interface PlanListFilter {
  clientId?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listPlans(deps: Deps, ctx: Ctx, filter: PlanListFilter): Promise<Page<store.SlaPlanRecord>> {
  await defaultPlan(deps, ctx.requestId);
  const rows = await store.listPlans(deps.database.db, { ...filter, confinedTo: clientScope(ctx.actor) ?? undefined });
  return toPage(rows, filter.limit, (p) => ({ value: p.name, id: p.id }), (p) => p);
}

function merged(base: store.SlaPlanRecord, input: PlanInput): store.SlaPlanRecord {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as PlanInput;
  const { severities, ...rest } = given;
  return { ...base, ...rest, severities: { ...base.severities, ...severities } } as store.SlaPlanRecord;
}

/** Every check but the one-plan-per-client conflict; 400 with all reasons at once. */
async function checkedPlan(deps: Deps, plan: store.SlaPlanRecord): Promise<{ clientName: string | null }> {
  const db = deps.database.db;
  const errors: FieldError[] = [];
  const client = plan.clientId === null ? null : await store.findClient(db, plan.clientId);
  if (plan.clientId !== null && !client) errors.push({ field: 'body.clientId', message: `No client with id ${plan.clientId}` });
  if (plan.isDefault && plan.clientId !== null) {
    errors.push({ field: 'body.clientId', message: "must stay null: the agency's default plan is the template new plans start from; create a plan for the client instead" });
  }
  const calendar = await calendars.findCalendar(db, plan.calendarId);
  if (!calendar) errors.push({ field: 'body.calendarId', message: `No business calendar with id ${plan.calendarId}` });
  else errors.push(...planErrors(slaPlanOf(plan, calendars.definitionOf(calendar))));
  if (errors.length > 0) throw invalid(errors);
  return { clientName: client?.name ?? null };
}

async function checkOnePerClient(deps: Deps, plan: store.SlaPlanRecord, clientName: string | null): Promise<void> {
  if (plan.clientId === null) return;
  const existing = await store.findPlanOfClient(deps.database.db, plan.clientId);
  if (!existing || existing.id === plan.id) return;
  throw conflict(`${clientName ?? plan.clientId} already has an SLA plan (${existing.id}); change that plan, or delete it first.`, [
    { field: 'body.clientId', message: `already has an SLA plan: ${existing.id}` },
  ]);
}

export async function createPlan(deps: Deps, ctx: Ctx, input: PlanInput): Promise<store.SlaPlanRecord> {
  const template = await defaultPlan(deps, ctx.requestId);
  const now = deps.now().toISOString();
  const start: store.SlaPlanRecord = { ...template, id: newId('slaPlan'), clientId: null, clientName: null, isDefault: false, monthlyFee: null, monthlyReport: false, createdAt: now, updatedAt: now };
  const plan = merged(start, input);
  const { clientName } = await checkedPlan(deps, plan);
  await checkOnePerClient(deps, plan, clientName);
  const created = { ...plan, clientName };
  return change(deps, ctx, async (trx, audit) => {
    await store.insertPlan(trx, created);
    await audit({ action: 'sla-plan.created', entityType: 'sla-plan', entityId: created.id, after: createdRecord(auditedPlan(created)) });
    return created;
  });
}

export async function updatePlan(deps: Deps, ctx: Ctx, id: string, input: PlanInput): Promise<store.SlaPlanRecord> {
  const before = await visiblePlan(deps, ctx.actor, id);
  const plan = merged({ ...before, updatedAt: deps.now().toISOString() }, input);
  const { clientName } = await checkedPlan(deps, plan);
  await checkOnePerClient(deps, plan, clientName);
  const after = { ...plan, clientName };
  return change(deps, ctx, async (trx, audit) => {
    await store.updatePlan(trx, after);
    await audit({ action: 'sla-plan.updated', entityType: 'sla-plan', entityId: id, ...changedFields(auditedPlan(before), auditedPlan(after)) });
    return after;
  });
}

/** The default cannot go: new plans start from it. A client's plan can; its client then has no SLA. */
export async function deletePlan(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const before = await visiblePlan(deps, ctx.actor, id);
  if (before.isDefault) throw conflict("The agency's default SLA plan cannot be deleted: new plans start from it. Change it instead.");
  await change(deps, ctx, async (trx, audit) => {
    await store.deletePlan(trx, id);
    await audit({ action: 'sla-plan.deleted', entityType: 'sla-plan', entityId: id, before: createdRecord(auditedPlan(before)) });
  });
}
