import { api, ApiError, type Page } from '../../api/client.ts';
import type { Role, User } from '../../api/types.ts';
import type { ApiToken, TokenScope } from '../../../../src/accounts/model.ts';

/** The users and API-token endpoints as the settings page uses them, and who may assign which role. */
// The server's own lists (pure constants): one definition, checked on both sides.
export { ROLES, TOKEN_SCOPES } from '../../../../src/accounts/model.ts';
export type { ApiToken, TokenScope };

/** A new token as the API answers once: the bearer token itself is never sent again. */
export type NewApiToken = ApiToken & { token: string };

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  clientId?: string;
  password?: string;
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
}

export interface NewToken {
  name: string;
  scopes: TokenScope[];
  expiresAt?: string;
}

export const USERS_KEY = ['settings', 'users'] as const;
export const TOKENS_KEY = ['settings', 'tokens'] as const;
/** The API answers at most 200 users a page; agencies with more are told the list is cut. */
export const USER_LIMIT = 200;

export const listUsers = () => api<Page<User>>('GET', `/users?limit=${USER_LIMIT}`);
export const createUser = (user: NewUser) => api<User>('POST', '/users', user);
export const changeUser = (id: string, change: UserChange) => api<User>('PATCH', `/users/${encodeURIComponent(id)}`, change);

export const listTokens = () => api<Page<ApiToken>>('GET', '/tokens');
export const createToken = (token: NewToken) => api<NewApiToken>('POST', '/tokens', token);
export const revokeToken = (id: string) => api<ApiToken>('DELETE', `/tokens/${encodeURIComponent(id)}`);

/** Mirrors the server's rule (authorization.ts `canAssignRole`): only an owner makes or changes owners. */
export function mayAssign(me: User, role: Role): boolean {
  return (me.role === 'owner' || me.role === 'admin') && (role !== 'owner' || me.role === 'owner');
}

export const managesUsers = (me: User | null): me is User => me !== null && (me.role === 'owner' || me.role === 'admin');

/** The API's message for one field of a failed request, if it named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

/** A token's state at `now`: revoked wins over expired. */
export function tokenState(token: ApiToken, now: Date): 'active' | 'expired' | 'revoked' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}
