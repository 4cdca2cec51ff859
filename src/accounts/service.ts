import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { ChangeContext } from '../platform/audit/model.ts';
import { hashToken, randomToken } from '../platform/crypto/tokens.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, forbidden, invalid, notFound } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { canAssignRole } from './authorization.ts';
import { type Actor, type ApiToken, type Role, type TokenScope, type User } from './model.ts';
import * as store from './store.ts';

export interface NewUser {
  email: string;
  name: string;
  password?: string | undefined;
  role: Role;
  clientId?: string | null | undefined;
  locale?: string | undefined;
  timeZone?: string | undefined;
}

// Checked against when the email is unknown, so response times don't reveal which
// addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function hashPassword(password: string): Promise<string> {
  return argonHash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

async function checkClientBinding(deps: Deps, role: Role, clientId: string | null | undefined): Promise<void> {
  if (role === 'client' && !clientId) {
    throw invalid([{ field: 'body.clientId', message: 'A client-portal user must belong to a client.' }]);
  }
  if (role !== 'client' && clientId) {
    throw invalid([{ field: 'body.clientId', message: 'Only client-portal users belong to a client.' }]);
  }
  if (clientId) {
    const exists = await deps.database.db.selectFrom('clients').select('id').where('id', '=', clientId).executeTakeFirst();
    if (!exists) throw invalid([{ field: 'body.clientId', message: `No client with id ${clientId}.` }]);
  }
}

export async function createUser(deps: Deps, ctx: ChangeContext & { actor: Actor }, input: NewUser): Promise<User> {
  if (!canAssignRole(ctx.actor, input.role)) throw forbidden(`Your role may not create a user with role ${input.role}.`);
  await checkClientBinding(deps, input.role, input.clientId);
  const now = deps.now().toISOString();
  const row = {
    id: newId('user'),
    email: input.email.trim().toLowerCase(),
    name: input.name.trim(),
    password_hash: input.password ? await hashPassword(input.password) : null,
    role: input.role,
    client_id: input.clientId ?? null,
    locale: input.locale ?? 'en',
    time_zone: input.timeZone ?? 'UTC',
    created_at: now,
    updated_at: now,
    disabled_at: null,
  };
  try {
    return await change(deps, ctx, async (trx, audit) => {
      await trx.insertInto('users').values(row).execute();
      const user = store.toUser(row);
      await audit({ action: 'user.created', entityType: 'user', entityId: user.id, after: user });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A user with email ${row.email} exists already.`, [{ field: 'body.email', message: 'is taken' }]);
    throw err;
  }
}

export interface UserPatch {
  name?: string | undefined;
  role?: Role | undefined;
  clientId?: string | null | undefined;
  locale?: string | undefined;
  timeZone?: string | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

export async function updateUser(deps: Deps, ctx: ChangeContext & { actor: Actor }, id: string, patch: UserPatch): Promise<User> {
  const before = await store.findUserById(deps.database.db, id);
  if (!before) throw notFound('user', id);
  const self = ctx.actor.id === id;
  const managing = patch.role !== undefined || patch.clientId !== undefined || patch.disabled !== undefined;
  if (managing || !self) {
    if (!canAssignRole(ctx.actor, patch.role ?? before.role) || !canAssignRole(ctx.actor, before.role)) {
      throw forbidden('Your role may not change this user.');
    }
  }
  const role = patch.role ?? before.role;
  const clientId = patch.clientId !== undefined ? patch.clientId : before.clientId;
  await checkClientBinding(deps, role, clientId);
  const now = deps.now().toISOString();
  const values = {
    name: patch.name?.trim() ?? before.name,
    role,
    client_id: clientId,
    locale: patch.locale ?? before.locale,
    time_zone: patch.timeZone ?? before.timeZone,
    disabled_at: patch.disabled === undefined ? before.disabledAt : patch.disabled ? (before.disabledAt ?? now) : null,
    updated_at: now,
    ...(patch.password ? { password_hash: await hashPassword(patch.password) } : {}),
  };
  return change(deps, ctx, async (trx, audit) => {
    await guardLastOwner(trx, before, role, values.disabled_at);
    await trx.updateTable('users').set(values).where('id', '=', id).execute();
    if (values.disabled_at) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const after = (await store.findUserById(trx, id))!;
    await audit({ action: patch.password ? 'user.password-changed' : 'user.updated', entityType: 'user', entityId: id, before, after });
    return after;
  });
}

// An agency must never lock itself out: the last active owner can't be demoted or disabled.
async function guardLastOwner(trx: Parameters<typeof store.countOwners>[0], before: User, role: Role, disabledAt: string | null) {
  const losesOwner = before.role === 'owner' && !before.disabledAt && (role !== 'owner' || disabledAt);
  if (losesOwner && (await store.countOwners(trx)) <= 1) {
    throw conflict('This is the last active owner; make another owner first.');
  }
}

/** The user for an email and password, or null; never says which of the two was wrong. */
export async function checkPassword(deps: Deps, email: string, password: string): Promise<User | null> {
  const row = await store.findUserRowByEmail(deps.database.db, email);
  dummyHash ??= hashPassword(randomToken('dummy'));
  const valid = await argonVerify(row?.password_hash ?? (await dummyHash), password).catch(() => false);
  if (!row || !row.password_hash || !valid || row.disabled_at) return null;
  return store.toUser(row);
}

export interface IssuedToken {
  token: string;
  apiToken: ApiToken;
}

export async function createApiToken(
  deps: Deps,
  ctx: ChangeContext & { actor: Actor },
  input: { userId: string; name: string; scopes: TokenScope[]; expiresAt?: string | null | undefined },
): Promise<IssuedToken> {
  const user = await store.findUserById(deps.database.db, input.userId);
  if (!user) throw notFound('user', input.userId);
  if (ctx.actor.id !== user.id && !canAssignRole(ctx.actor, user.role)) throw forbidden('You may only create tokens for yourself.');
  const token = randomToken('upk');
  const row = {
    id: newId('token'),
    user_id: user.id,
    name: input.name.trim(),
    token_hash: hashToken(token),
    scopes: JSON.stringify(input.scopes),
    created_at: deps.now().toISOString(),
    expires_at: input.expiresAt ?? null,
    last_used_at: null,
    revoked_at: null,
  };
  return change(deps, ctx, async (trx, audit) => {
    await trx.insertInto('api_tokens').values(row).execute();
    const apiToken = store.toToken(row);
    await audit({ action: 'token.created', entityType: 'api_token', entityId: row.id, after: apiToken });
    return { token, apiToken };
  });
}

export async function revokeApiToken(deps: Deps, ctx: ChangeContext & { actor: Actor }, tokenId: string): Promise<ApiToken> {
  const before = await store.findToken(deps.database.db, tokenId);
  const owner = before ? await store.findUserById(deps.database.db, before.userId) : null;
  if (!before || !owner) throw notFound('token', tokenId);
  if (ctx.actor.id !== owner.id && !canAssignRole(ctx.actor, owner.role)) throw notFound('token', tokenId);
  if (before.revokedAt) return before;
  return change(deps, ctx, async (trx, audit) => {
    await trx.updateTable('api_tokens').set({ revoked_at: deps.now().toISOString() }).where('id', '=', tokenId).execute();
    const after = (await store.findToken(trx, tokenId))!;
    await audit({ action: 'token.revoked', entityType: 'api_token', entityId: tokenId, before, after });
    return after;
  });
}
