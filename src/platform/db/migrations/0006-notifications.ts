import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Channels, recipients' preferences, routing rules, escalation policies and the durable outbox. */
export async function up(_db: Kysely<unknown>, _d: Dialect): Promise<void> {}
