import { z } from 'zod';
import { isCurrencyCode } from '../platform/money.ts';
import { page } from '../platform/http/responses.ts';
import { isValidTimeZone, LOCALES, ROLES, TOKEN_SCOPES } from './model.ts';

export const email = z.email('must be an email address').max(254);
export const password = z.string().min(10, 'must be at least 10 characters').max(200);
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Stockholm');
export const locale = z.enum(LOCALES);

// Responses: `z.object`, since the serializer checks every answer and drops keys it does not name.
const instant = z.string().describe('An instant, ISO 8601 in UTC');

export const userView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    clientId: z.string().nullable().describe('For client-portal users: the one client whose data they may see'),
    locale: z.string(),
    timeZone: z.string().describe('IANA time zone'),
    createdAt: instant,
    updatedAt: instant,
    disabledAt: instant.nullable(),
  })
  .meta({ id: 'User', description: 'A person who signs in' });

export const tokenView = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)).describe("What the token may do, never more than its user's role allows"),
    createdAt: instant,
    expiresAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
    revokedAt: instant.nullable(),
  })
  .meta({ id: 'ApiToken', description: 'An API token; the token itself is only shown when it is created' });

export const newTokenView = tokenView
  .extend({ token: z.string().describe('The bearer token; shown this once and never again, keep it safe') })
  .meta({ id: 'NewApiToken', description: 'A new API token, with the token itself' });

export const userPage = page(userView, 'UserPage', 'users, by email', 'after');
export const tokenPage = page(tokenView, 'ApiTokenPage', 'API tokens (all of them: there is never a next page)');

export const sessionView = z
  .object({
    user: userView,
    csrfToken: z.string().describe('Send it in the x-csrf-token header with every request that changes something'),
    expiresAt: instant,
  })
  .meta({ id: 'Session', description: 'A new browser session; the session cookie is set with it' });

export const meView = z
  .object({
    user: userView,
    csrfToken: z.string().nullable().describe('The CSRF token of a browser session; null with an API token'),
    scopes: z.array(z.enum(TOKEN_SCOPES)).nullable().describe("An API token's scopes; null for a browser session, which acts with the full role"),
  })
  .meta({ id: 'Me', description: 'Who is asking' });

export const setupStatus = z
  .object({ needed: z.boolean().describe('True until the first owner exists') })
  .meta({ id: 'SetupStatus', description: 'Whether first-run setup is still open' });

export const newUserBody = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  password: password.optional(),
  role: z.enum(ROLES),
  clientId: z.string().nullable().optional(),
  locale: locale.optional(),
  timeZone: timeZone.optional(),
});

export const userPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  clientId: z.string().nullable().optional(),
  locale: locale.optional(),
  timeZone: timeZone.optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

export const profilePatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: locale.optional(),
  timeZone: timeZone.optional(),
  password: password.optional(),
  currentPassword: z.string().max(200).optional(),
});

export const newTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(['read']),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  userId: z.string().optional(),
});

export const loginBody = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });

export const setupBody = z.strictObject({
  token: z.string().min(1).max(200),
  email,
  name: z.string().trim().min(1).max(200),
  password,
  locale: locale.optional(),
  timeZone: timeZone.optional(),
  agencyName: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  currency: z.string().refine((c) => isCurrencyCode(c), 'must be an ISO 4217 currency code in capitals, such as EUR').optional(),
});

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
