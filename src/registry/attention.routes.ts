import { clientScope } from '../accounts/authorization.ts';
import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { z } from 'zod';
import { attention, renewalTimeline } from './attention.store.ts';
import { attentionView, timelineView } from './schemas.ts';

export function attentionRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/attention',
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'What needs attention: renewals due soon, expired and unowned assets',
        response: { 200: attentionView, ...problems(401, 403) },
      },
    },
    async (req) => attention(deps.database.db, clientScope(req.actor), deps.now()),
  );
  app.get(
    '/api/v1/timeline',
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'Renewals of the coming months, grouped by month, with what they cost',
        querystring: z.strictObject({ months: z.coerce.number().int().min(1).max(36).default(12) }),
        response: { 200: timelineView, ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ months: await renewalTimeline(deps.database.db, clientScope(req.actor), deps.now(), req.query.months) }),
  );
}
