import { systemActor } from '../accounts/model.ts';
import { readAgency } from '../accounts/agency.ts';
import { createdRecord } from '../platform/audit/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { weeklyCalendar } from './calendar.model.ts';
import * as calendars from './calendars.store.ts';
import { DEFAULT_SLA_PLAN } from './plan.model.ts';
import * as plans from './plans.store.ts';

/**
 * The agency's default plan: DEFAULT_SLA_PLAN with its support hours in a calendar of their own,
 * "Support hours", Mon–Fri 09:00–18:00. It is created on first use (the first list of plans or
 * calendars, or the first plan created) rather than by the migration, because the migration runs
 * before first-run setup, when the agency has no time zone yet; by first use the agency has usually
 * set it, and the hours are read in that zone. Later changes of the agency's zone do not move it:
 * the calendar is edited like any other. The agency has no country, so no public holidays are
 * closed until it picks one. Created by the system, audited, in one transaction; two first uses at
 * once are kept to one default by the unique index on is_default (the loser reads the winner's).
 */
export const DEFAULT_CALENDAR_NAME = 'Support hours';

const ACTOR = systemActor('desk');

async function createDefault(deps: Deps, requestId: string | null): Promise<plans.SlaPlanRecord> {
  const agency = await readAgency(deps);
  const now = deps.now().toISOString();
  const hours = weeklyCalendar(agency.timeZone, ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '09:00', end: '18:00' }]);
  const calendar = { id: newId('businessCalendar'), name: DEFAULT_CALENDAR_NAME, ...hours, createdAt: now, updatedAt: now };
  const { supportHours: _hours, name, ...terms } = structuredClone(DEFAULT_SLA_PLAN);
  const plan: plans.SlaPlanRecord = { id: newId('slaPlan'), name, clientId: null, clientName: null, isDefault: true, calendarId: calendar.id, ...terms, monthlyFee: null, createdAt: now, updatedAt: now };
  return change(deps, { actor: ACTOR, requestId }, async (trx, audit) => {
    // SQLite runs one transaction at a time, so this sees any default made meanwhile; PostgreSQL has the index.
    const made = await plans.findDefaultPlan(trx);
    if (made) return made;
    await calendars.insertCalendar(trx, calendar);
    await audit({ action: 'business-calendar.created', entityType: 'business-calendar', entityId: calendar.id, after: createdRecord(calendar) });
    await plans.insertPlan(trx, plan);
    await audit({ action: 'sla-plan.created', entityType: 'sla-plan', entityId: plan.id, after: createdRecord(auditedPlan(plan)) });
    return plan;
  });
}

/** A plan as its audit entries keep it: the client's name is the registry's, not the plan's. */
export function auditedPlan(p: plans.SlaPlanRecord): Omit<plans.SlaPlanRecord, 'clientName'> {
  const { clientName: _name, ...rest } = p;
  return rest;
}

export async function defaultPlan(deps: Deps, requestId: string | null): Promise<plans.SlaPlanRecord> {
  const found = await plans.findDefaultPlan(deps.database.db);
  if (found) return found;
  try {
    return await createDefault(deps, requestId);
  } catch (err) {
    const made = await plans.findDefaultPlan(deps.database.db);
    if (made) return made;
    throw err;
  }
}
