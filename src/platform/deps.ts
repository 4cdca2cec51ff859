import type { Transaction } from 'kysely';
import { appendAudit, type AuditRecord } from './audit/store.ts';
import type { ChangeContext } from './audit/model.ts';
import type { Config } from './config.ts';
import type { SecretBox } from './crypto/secrets.ts';
import type { Database } from './db/database.ts';
import type { Schema } from './db/schema.ts';
import type { Logger } from './logger.ts';

/** What use cases are handed: nothing global, so tests build their own. */
export interface Deps {
  readonly config: Config;
  readonly logger: Logger;
  readonly database: Database;
  readonly secrets: SecretBox;
  readonly now: () => Date;
}

export type Audit = (record: AuditRecord) => Promise<void>;

/**
 * Run a change in one transaction together with its audit entries: either the change and
 * its record both land, or neither does.
 */
export async function change<T>(deps: Deps, ctx: ChangeContext, work: (trx: Transaction<Schema>, audit: Audit) => Promise<T>): Promise<T> {
  return deps.database.db.transaction().execute((trx) =>
    work(trx, (record) => appendAudit(trx, deps.database.dialect, ctx, record, deps.now())),
  );
}
