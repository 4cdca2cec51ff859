import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Routing rules, escalation policies and their running escalations, acknowledgements, quiet hours and digests. */
export async function up(_db: Kysely<unknown>, _d: Dialect): Promise<void> {}
