import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Channels, recipients' channel choices (primary and fallback), the durable outbox and its delivery log. */
export async function up(_db: Kysely<unknown>, _d: Dialect): Promise<void> {}
