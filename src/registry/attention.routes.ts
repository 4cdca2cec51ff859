import { clientScope } from '../accounts/authorization.ts';
import type { Deps } from '../platform/deps.ts';
import type { App } from '../platform/http/server.ts';
import { attention } from './attention.store.ts';

export function attentionRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/attention',
    { config: { access: 'registry:read' }, schema: { tags: ['dashboard'], summary: 'What needs attention: renewals due soon, expired and unowned assets' } },
    async (req) => attention(deps.database.db, clientScope(req.actor), deps.now()),
  );
}
