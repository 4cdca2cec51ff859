import { z } from 'zod';

/**
 * Config fields shared by several channel kinds, with messages a person can act on. Error
 * messages never repeat the value: a webhook URL or token typed into the wrong field is a secret.
 */
export const emailAddress = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address, such as ops@example.com'));

/** E.164: a plus, the country code, the number; spaces, dots and dashes people type are dropped. */
export const phoneNumber = z
  .string()
  .transform((value) => value.replace(/[\s.()-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in international E.164 form, such as +46701234567'));

export const httpUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }));

export const FIELD_LIMITS = { secret: 500 } as const;

/** A token or signing secret: no surrounding whitespace (a pasted newline breaks signatures silently). */
export const secretText = (label: string, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `must be at least ${min} characters` : `must not be empty`)
    .max(FIELD_LIMITS.secret, `must be at most ${FIELD_LIMITS.secret} characters`)
    .describe(label);

/** Cuts text to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
