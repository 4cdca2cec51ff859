import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { ApiToken, Role, TokenScope, User } from './model.ts';

type Q = Kysely<Schema>;

export function toUser(row: Row<'users'>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    clientId: row.client_id,
    locale: row.locale,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    disabledAt: row.disabled_at,
  };
}

export function toToken(row: Row<'api_tokens'>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function findUserById(db: Q, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserRowByEmail(db: Q, email: string): Promise<Row<'users'> | null> {
  return (await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()) ?? null;
}

export async function findUsersByEmails(db: Q, emails: string[]): Promise<User[]> {
  if (emails.length === 0) return [];
  const rows = await db.selectFrom('users').selectAll().where('email', 'in', emails.map((e) => e.toLowerCase())).execute();
  return rows.map(toUser);
}

export async function listUsers(db: Q, limit: number, afterEmail?: string): Promise<User[]> {
  let query = db.selectFrom('users').selectAll().orderBy('email').limit(limit);
  if (afterEmail) query = query.where('email', '>', afterEmail);
  return (await query.execute()).map(toUser);
}

export async function countOwners(db: Q): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findSessionByHash(db: Q, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .selectAll('users')
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findTokenByHash(db: Q, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.scopes',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
    .selectAll('users')
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function listTokensOfUser(db: Q, userId: string): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(toToken);
}

export async function findToken(db: Q, id: string): Promise<ApiToken | null> {
  const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function readSetting(db: Q, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(db: Q, key: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function deleteSetting(db: Q, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/** Delete a setting only if it still has this value; true for the one caller that did. */
export async function takeSetting(db: Q, key: string, value: string): Promise<boolean> {
  const result = await db.deleteFrom('settings').where('key', '=', key).where('value', '=', value).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export type { Role };
