import type { Actor, Role, TokenScope } from './model.ts';

/**
 * The one place that decides who may do what. Routes declare the permission they need;
 * the HTTP layer asks `can()` before any handler runs, and stores narrow every read with
 * `clientScope()`, so a client-portal user never sees another client's data.
 */
export const PERMISSIONS = [
  'registry:read',
  'registry:write',
  'monitoring:read',
  'monitoring:write',
  'notifications:manage',
  'renewals:read',
  'renewals:write',
  'renewals:policies',
  'desk:read',
  'desk:manage',
  'tickets:write',
  'billing:read',
  'billing:write',
  'billing:pay',
  'billing:oversee',
  'secrets:reveal',
  'audit:read',
  'users:manage',
  'tokens:manage',
  'profile',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Access a route declares: a permission, any signed-in actor, or nobody needed. */
export type Access = Permission | 'public' | 'signed-in';

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  // A manager reads invoices and oversees billing (approvals waiting, dunning, KPIs); issuing, voiding,
  // recording payments, refunding them (POST invoices/:id/payments/:paymentId/refund) and deciding on
  // approvals is an owner's or admin's (billing:write).
  // A manager works renewal tasks and decides on waste; the agency-wide policies are an owner's or admin's.
  manager: ['registry:read', 'registry:write', 'monitoring:read', 'monitoring:write', 'renewals:read', 'renewals:write', 'desk:read', 'tickets:write', 'billing:read', 'billing:oversee', 'secrets:reveal', 'tokens:manage', 'profile'],
  viewer: ['registry:read', 'monitoring:read', 'renewals:read', 'desk:read', 'tokens:manage', 'profile'],
  // A client sees its own monitors and incidents (narrowed by clientScope), never the agency's set-up.
  // It reads its own SLA plan (desk:read, narrowed by clientScope); plans and calendars are set up by an owner or admin (desk:manage).
  // It opens and follows its own tickets (tickets:write, narrowed by clientScope; public replies only).
  // It reads its own issued invoices (billing:read, narrowed by clientScope; never drafts), pays them
  // and manages its saved payment methods on the gateway's hosted pages (billing:pay, likewise narrowed).
  client: ['registry:read', 'monitoring:read', 'desk:read', 'tickets:write', 'billing:read', 'billing:pay', 'profile'],
};

// A token's scopes cap what it may do; "admin" adds nothing its user's role does not have.
// "read" changes nothing, not even its user's own profile or password.
const SCOPE_PERMISSIONS: Record<TokenScope, readonly Permission[]> = {
  read: ['registry:read', 'monitoring:read', 'renewals:read', 'desk:read', 'billing:read', 'billing:oversee', 'audit:read'],
  write: ['registry:read', 'registry:write', 'monitoring:read', 'monitoring:write', 'renewals:read', 'renewals:write', 'desk:read', 'tickets:write', 'billing:read', 'billing:write', 'billing:pay', 'billing:oversee', 'audit:read', 'profile'],
  admin: PERMISSIONS,
};

export function permissionsOf(actor: Actor): Set<Permission> {
  if (!actor.role) return new Set();
  const granted = new Set(ROLE_PERMISSIONS[actor.role]);
  if (actor.scopes === null) return granted;
  const allowedByScopes = new Set(actor.scopes.flatMap((s) => SCOPE_PERMISSIONS[s]));
  return new Set([...granted].filter((p) => allowedByScopes.has(p)));
}

export function can(actor: Actor, access: Access): boolean {
  if (access === 'public') return true;
  if (actor.type === 'anonymous') return false;
  if (access === 'signed-in') return true;
  return permissionsOf(actor).has(access);
}

/** The client an actor is confined to, or null when it may see every client. */
export function clientScope(actor: Actor): string | null {
  return actor.role === 'client' ? (actor.clientId ?? '__none__') : null;
}

/** True when the actor may see data that belongs to `clientId`. */
export function canSeeClient(actor: Actor, clientId: string): boolean {
  const scope = clientScope(actor);
  return scope === null || scope === clientId;
}

/** Only an owner may make or change an owner; an admin manages everyone else. */
export function canAssignRole(actor: Actor, role: Role): boolean {
  if (!permissionsOf(actor).has('users:manage')) return false;
  return role !== 'owner' || actor.role === 'owner';
}
