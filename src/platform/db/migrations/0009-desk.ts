import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Desk, part one: business calendars and SLA plans. Both keep their rules as JSON validated by the
 * pure schemas in `src/desk/` (calendar.model.ts, plan.model.ts); the columns are what is looked up.
 * Tickets (a later migration) will find a client's plan through `sla_plans.client_id`.
 */
export async function up(db: Kysely<unknown>, d: Dialect): Promise<void> {
  const t = d.types;

  await db.schema
    .createTable('business_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: BusinessCalendar (time zone, week of windows, public holidays, closed and extra days)
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('business_calendars_name_idx').on('business_calendars').columns(['name', 'id']).execute();

  await db.schema
    .createTable('sla_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // The client the plan is agreed with; null for the agency's templates (the default among them).
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    // 1 for the agency default: the template new plans start from.
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    // The support hours; a calendar in use cannot be deleted.
    .addColumn('calendar_id', 'text', (c) => c.notNull().references('business_calendars.id'))
    // JSON: { scope, severities, channels, uptimeGuarantee, monthlyFee } (the rest of SlaPlan)
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  // One plan per client (nulls are distinct in both databases, so templates are not limited).
  await db.schema.createIndex('sla_plans_client_idx').on('sla_plans').column('client_id').unique().execute();
  // One default: two first uses at once cannot both create it.
  await sql`create unique index sla_plans_default_idx on sla_plans (is_default) where is_default = 1`.execute(db);
  await db.schema.createIndex('sla_plans_calendar_idx').on('sla_plans').column('calendar_id').execute();
  await db.schema.createIndex('sla_plans_name_idx').on('sla_plans').columns(['name', 'id']).execute();
}
