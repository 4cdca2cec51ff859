import type { ActorType } from '../platform/audit/model.ts';

export const ROLES = ['owner', 'admin', 'manager', 'viewer', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do on its user's behalf; never more than the user's role allows. */
export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Set for client-portal users: the one client whose data they may see. */
  clientId: string | null;
  locale: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Who is making a request or a change. */
export interface Actor {
  readonly type: ActorType;
  /** The user's id for people and tokens; a name for the system and the CLI. */
  readonly id: string | null;
  readonly role: Role | null;
  readonly clientId: string | null;
  /** Token scopes; null for a browser session or the CLI, which act with the full role. */
  readonly scopes: readonly TokenScope[] | null;
  readonly tokenId?: string;
  /** Present for browser sessions: unsafe requests must echo it (CSRF). */
  readonly csrfToken?: string;
}

export const ANONYMOUS: Actor = Object.freeze({ type: 'anonymous', id: null, role: null, clientId: null, scopes: null });

/** The CLI runs on the server with the operator's rights. */
export const CLI_ACTOR: Actor = Object.freeze({ type: 'cli', id: 'cli', role: 'owner', clientId: null, scopes: null });

export function systemActor(job: string): Actor {
  return { type: 'system', id: job, role: 'owner', clientId: null, scopes: null };
}

// Building a formatter is the only portable check, and a costly one: every read of the agency's
// settings asks, so the answers are kept (the set of zones a process knows never changes).
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (knownZones.size < 1_000) knownZones.set(zone, valid);
  }
  return valid;
}

export const LOCALES = ['en', 'sv', 'nl', 'fr', 'da', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
