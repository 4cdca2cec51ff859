import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** The check engine's tables: raw results, rollups, state intervals and worker leases. */
export async function up(_db: Kysely<unknown>, _d: Dialect): Promise<void> {}
