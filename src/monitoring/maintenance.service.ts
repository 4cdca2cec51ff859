import { DateTime } from 'luxon';
import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import type { MaintenanceScope, Recurrence } from './maintenance.model.ts';
import * as store from './maintenance.store.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { MaintenanceWindowRecord } from './maintenance.store.ts';

/**
 * Maintenance windows as people plan them. A one-off window is [startsAt, endsAt). A recurring
 * one repeats from the day of startsAt until `recurrence.until` (inclusive) or for ever; its
 * endsAt is derived (the end of the until day, or far in the future) so lists and filters can
 * treat both alike. The engine reads the windows to hold alerts and leave the time out of uptime.
 */
const OPEN_ENDED = '9999-12-31T23:59:59.999Z';

export interface WindowInput {
  title: string;
  scopeType: MaintenanceScope;
  scopeId: string;
  startsAt: string;
  endsAt?: string | undefined;
  recurrence: Recurrence | null;
}

async function visibleWindow(deps: Deps, actor: Actor, id: string): Promise<store.MaintenanceWindowRecord> {
  const window = await store.findWindow(deps.database.db, id);
  const scope = clientScope(actor);
  if (!window) throw notFound('maintenance window', id);
  if (scope !== null && (await store.clientOfScope(deps.database.db, window.scopeType, window.scopeId)) !== scope) throw notFound('maintenance window', id);
  return window;
}

export const getWindow = visibleWindow;

export interface WindowListFilter extends Omit<store.WindowFilter, 'confinedTo' | 'cursor'> {
  cursor?: Cursor | undefined;
}

export async function listWindows(deps: Deps, actor: Actor, filter: WindowListFilter): Promise<Page<store.MaintenanceWindowRecord>> {
  const rows = await store.listWindows(deps.database.db, { ...filter, confinedTo: clientScope(actor) ?? undefined }, deps.now().toISOString());
  return toPage(rows, filter.limit, (r) => ({ value: r.startsAt, id: r.id }), (r) => r);
}

/** The end of a recurring window's repetition: the end of its until day where it happens. */
function recurrenceEnd(r: Recurrence): string {
  if (!r.until) return OPEN_ENDED;
  return DateTime.fromISO(r.until, { zone: r.timeZone }).endOf('day').toUTC().toISO()!;
}

/** Checked and normalised: the scope exists, the window ends after it starts. */
async function checkedWindow(deps: Deps, input: WindowInput): Promise<{ startsAt: string; endsAt: string }> {
  const errors: FieldError[] = [];
  const owner = await store.clientOfScope(deps.database.db, input.scopeType, input.scopeId);
  if (owner === undefined) errors.push({ field: 'body.scopeId', message: `No ${input.scopeType} with id ${input.scopeId}` });
  const startsAt = new Date(input.startsAt).toISOString();
  let endsAt: string;
  if (input.recurrence) {
    endsAt = recurrenceEnd(input.recurrence);
    const firstDay = DateTime.fromISO(startsAt, { zone: input.recurrence.timeZone }).toISODate()!;
    if (input.recurrence.until && input.recurrence.until < firstDay) errors.push({ field: 'body.recurrence.until', message: `must not be before the day it starts (${firstDay})` });
  } else if (!input.endsAt) {
    endsAt = startsAt;
    errors.push({ field: 'body.endsAt', message: 'is required for a one-off window' });
  } else {
    endsAt = new Date(input.endsAt).toISOString();
    if (endsAt <= startsAt) errors.push({ field: 'body.endsAt', message: 'must be after startsAt' });
  }
  if (errors.length > 0) throw invalid(errors);
  return { startsAt, endsAt };
}

export async function createWindow(deps: Deps, ctx: Ctx, input: WindowInput): Promise<store.MaintenanceWindowRecord> {
  const { startsAt, endsAt } = await checkedWindow(deps, input);
  const now = deps.now().toISOString();
  const window: store.MaintenanceWindowRecord = {
    id: newId('maintenance'),
    title: input.title,
    scopeType: input.scopeType,
    scopeId: input.scopeId,
    startsAt,
    endsAt,
    recurrence: input.recurrence,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  };
  return change(deps, ctx, async (trx, audit) => {
    await store.insertWindow(trx, rowOf(window));
    await audit({ action: 'maintenance.created', entityType: 'maintenance', entityId: window.id, after: createdRecord(window) });
    return window;
  });
}

function rowOf(w: store.MaintenanceWindowRecord) {
  return {
    id: w.id,
    title: w.title,
    scope_type: w.scopeType,
    scope_id: w.scopeId,
    starts_at: w.startsAt,
    ends_at: w.endsAt,
    recurrence: w.recurrence ? JSON.stringify(w.recurrence) : null,
    created_by: w.createdBy,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
  };
}

export async function updateWindow(deps: Deps, ctx: Ctx, id: string, patch: Partial<WindowInput>): Promise<store.MaintenanceWindowRecord> {
  const before = await visibleWindow(deps, ctx.actor, id);
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<WindowInput>;
  // A recurring window made one-off again needs an end of its own, not the one derived from its repetition.
  const end = given.endsAt ?? (before.recurrence && given.recurrence === null ? undefined : before.endsAt);
  const merged: WindowInput = { ...before, ...given, endsAt: end };
  const { startsAt, endsAt } = await checkedWindow(deps, merged);
  const after: store.MaintenanceWindowRecord = { ...before, ...merged, startsAt, endsAt, updatedAt: deps.now().toISOString() };
  return change(deps, ctx, async (trx, audit) => {
    await store.updateWindow(trx, id, rowOf(after));
    await audit({ action: 'maintenance.updated', entityType: 'maintenance', entityId: id, ...changedFields(before, after) });
    return after;
  });
}

export async function deleteWindow(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const before = await visibleWindow(deps, ctx.actor, id);
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteWindow(trx, id);
    await audit({ action: 'maintenance.deleted', entityType: 'maintenance', entityId: id, before: createdRecord(before) });
  });
}
