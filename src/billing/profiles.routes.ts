import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './profiles.schemas.ts';
import * as service from './profiles.service.ts';

const tags = ['billing'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

export function profileRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/clients/:id/billing-profile',
    { config: { access: 'billing:read' }, schema: { tags, summary: "A client's billing profile (the defaults until saved)", params: schemas.clientParams, response: { 200: schemas.profileView, ...problems(400, 401, 403, 404) } } },
    async (req) => service.getProfile(deps, req.actor, req.params.id),
  );

  app.put(
    '/api/v1/clients/:id/billing-profile',
    {
      config: { access: 'billing:write' },
      schema: { tags, summary: "Set a client's billing profile", params: schemas.clientParams, body: schemas.profileBody, response: { 200: schemas.profileView, ...problems(400, 401, 403, 404, 413, 415) } },
    },
    async (req) => service.saveProfile(deps, ctxOf(req), req.params.id, req.body),
  );
}
