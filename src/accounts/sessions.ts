import { hashToken, randomToken } from '../platform/crypto/tokens.ts';
import type { Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import type { Actor, Role, TokenScope, User } from './model.ts';
import * as store from './store.ts';

/**
 * Browser sessions and API tokens. Both are random strings handed out once and kept only as
 * SHA-256 hashes, so a copy of the database gives no one a way in.
 */
export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

// Writing "last seen" on every request would turn every read into a write.
const TOUCH_AFTER_MS = 60_000;

export async function startSession(deps: Deps, user: User): Promise<StartedSession> {
  const now = deps.now();
  const token = randomToken('ses');
  const csrfToken = randomToken('csrf', 24);
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000).toISOString();
  await deps.database.db
    .insertInto('sessions')
    .values({
      id: newId('session'),
      token_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function endSession(deps: Deps, token: string): Promise<void> {
  await deps.database.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** The actor behind a session cookie, or null when it is unknown, expired or disabled. */
export async function actorFromSession(deps: Deps, token: string): Promise<Actor | null> {
  const row = await store.findSessionByHash(deps.database.db, hashToken(token));
  const now = deps.now();
  if (!row || row.disabled_at || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
    await deps.database.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.session_id).execute();
  }
  return { type: 'user', id: row.id, role: row.role as Role, clientId: row.client_id, scopes: null, csrfToken: row.csrf_token };
}

/** The actor behind a bearer token, or null when it is unknown, revoked, expired or disabled. */
export async function actorFromToken(deps: Deps, token: string): Promise<Actor | null> {
  const row = await store.findTokenByHash(deps.database.db, hashToken(token));
  const now = deps.now();
  if (!row || row.disabled_at || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_AFTER_MS) {
    await deps.database.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.token_id).execute();
  }
  const scopes = JSON.parse(row.scopes) as TokenScope[];
  return { type: 'token', id: row.id, role: row.role as Role, clientId: row.client_id, scopes, tokenId: row.token_id };
}

export async function purgeExpiredSessions(deps: Deps): Promise<number> {
  const result = await deps.database.db.deleteFrom('sessions').where('expires_at', '<=', deps.now().toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
