import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.ts';
import type { Dialect } from './dialect.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as registry from './migrations/0002-registry.ts';
import * as events from './migrations/0003-events.ts';
import * as monitors from './migrations/0004-monitors.ts';
import * as monitoringEngine from './migrations/0005-monitoring-engine.ts';
import * as notifications from './migrations/0006-notifications.ts';
import * as notificationPolicies from './migrations/0007-notification-policies.ts';
import * as renewals from './migrations/0008-renewals.ts';
import * as desk from './migrations/0009-desk.ts';
import * as tickets from './migrations/0010-tickets.ts';
import * as billing from './migrations/0011-billing.ts';
import * as payments from './migrations/0012-payments.ts';
import * as refunds from './migrations/0013-refunds.ts';
import * as invoiceParties from './migrations/0014-invoice-parties.ts';

/**
 * One migration set for both databases. A migration receives the dialect so it can pick
 * column types; each is listed here in order, which keeps them bundled with the code.
 */
type DialectMigration = { up(db: Kysely<unknown>, d: Dialect): Promise<void> };

const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-foundation': foundation,
  '0002-registry': registry,
  '0003-events': events,
  '0004-monitors': monitors,
  '0005-monitoring-engine': monitoringEngine,
  '0006-notifications': notifications,
  '0007-notification-policies': notificationPolicies,
  '0008-renewals': renewals,
  '0009-desk': desk,
  '0010-tickets': tickets,
  '0011-billing': billing,
  '0012-payments': payments,
  '0013-refunds': refunds,
  '0014-invoice-parties': invoiceParties,
};

class ListedMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, this.dialect) }]),
    );
  }
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

async function currentSchema(database: Database): Promise<string | undefined> {
  if (database.schema) return database.schema;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(database.db);
  return rows[0]?.schema ?? undefined;
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in any schema unless told which one is ours: with
  // several Upkeep schemas in one PostgreSQL database it would find another's and fail.
  const schema = database.dialect.name === 'postgres' ? await currentSchema(database) : undefined;
  const migrator = new Migrator({
    db: database.db,
    provider: new ListedMigrations(database.dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
