import { z } from 'zod';
import { LOCALES } from '../accounts/model.ts';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { unauthenticated } from '../platform/http/problem.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { getPreferences, savePreferences } from './recipients.service.ts';

const tags = ['notifications'];

export const preferencesView = z
  .object({
    userId: z.string(),
    primaryChannelId: z.string().nullable().describe('Where messages go first'),
    fallbackChannelId: z.string().nullable().describe('Where they go when the primary channel fails for good or keeps failing'),
    locale: z.string().nullable().describe('The language chosen for messages; null for the person’s own'),
    effectiveLocale: z.string().describe('The language messages are written in'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationPreferences', description: 'A person’s notification channels and language' });

const channelId = z.string().min(1).max(64).nullable().optional();
export const preferencesBody = z.strictObject({
  primaryChannelId: channelId,
  fallbackChannelId: channelId,
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }).nullable().optional(),
});

const idParams = z.strictObject({ id: z.string().min(1).max(64) });

function selfId(actor: Actor): string {
  if (!actor.id || (actor.type !== 'user' && actor.type !== 'token')) throw unauthenticated('Only a person has notification preferences.');
  return actor.id;
}

export function recipientRoutes(app: App, deps: Deps): void {
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
  const body = problems(400, 401, 403, 413, 415);

  app.get('/api/v1/me/notification-preferences', { config: { access: 'profile' }, schema: { tags, summary: 'My notification channels and language', response: { 200: preferencesView, ...problems(401, 403, 404) } } }, async (req) =>
    getPreferences(deps, selfId(req.actor)),
  );
  app.put('/api/v1/me/notification-preferences', { config: { access: 'profile' }, schema: { tags, summary: 'Choose my primary and fallback channel and language', body: preferencesBody, response: { 200: preferencesView, ...body, ...problems(404) } } }, async (req) =>
    savePreferences(deps, ctxOf(req), selfId(req.actor), req.body),
  );
  app.get('/api/v1/users/:id/notification-preferences', { config: { access: 'notifications:manage' }, schema: { tags, summary: 'A person’s notification channels and language', params: idParams, response: { 200: preferencesView, ...problems(400, 401, 403, 404) } } }, async (req) =>
    getPreferences(deps, req.params.id),
  );
  app.put('/api/v1/users/:id/notification-preferences', { config: { access: 'notifications:manage' }, schema: { tags, summary: 'Set a person’s notification channels and language', params: idParams, body: preferencesBody, response: { 200: preferencesView, ...body, ...problems(404) } } }, async (req) =>
    savePreferences(deps, ctxOf(req), req.params.id, req.body),
  );
}
