import { z } from 'zod';
import { isValidTimeZone, LOCALES, ROLES, TOKEN_SCOPES } from './model.ts';

export const email = z.email('must be an email address').max(254);
export const password = z.string().min(10, 'must be at least 10 characters').max(200);
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Stockholm');
export const locale = z.enum(LOCALES);

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  clientId: z.string().nullable(),
  locale: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  disabledAt: z.string().nullable(),
});

export const tokenView = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

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
});

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
