import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery } from '../platform/http/cursor.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './policies.schemas.ts';
import * as service from './policies.service.ts';

const tags = ['renewals'];
const read = { access: 'renewals:read' } as const;
const setPolicies = { access: 'renewals:policies' } as const;
const bodyProblems = problems(400, 401, 403, 404, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

export function renewalPolicyRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/renewal-policies',
    { config: read, schema: { tags, summary: 'The default renewal policy and the overrides per client, asset kind and asset', querystring: schemas.policiesQuery, response: { 200: schemas.policiesView, ...problems(400, 401, 403) } } },
    async (req) => service.listPolicies(deps, cursorFromQuery(req.query.cursor)?.id, req.query.limit),
  );

  app.put(
    '/api/v1/renewal-policies/default',
    { config: setPolicies, schema: { tags, summary: "Set the agency's default renewal policy, as a whole", body: schemas.defaultBody, response: { 200: schemas.policyView, ...bodyProblems } } },
    async (req) => service.setDefaultPolicy(deps, ctxOf(req), req.body),
  );

  app.put(
    '/api/v1/renewal-policies/:scope/:target',
    {
      config: setPolicies,
      schema: {
        tags,
        summary: 'Override fields of the policy for a client, an asset kind or one asset; fields left out are inherited',
        params: schemas.overrideParams,
        body: schemas.overrideBody,
        response: { 200: schemas.overrideView, ...bodyProblems },
      },
    },
    async (req) => service.setOverride(deps, ctxOf(req), req.params.scope, req.params.target, req.body),
  );

  app.delete(
    '/api/v1/renewal-policies/:scope/:target',
    { config: setPolicies, schema: { tags, summary: 'Remove an override: its target inherits everything again', params: schemas.overrideParams, response: { 204: noContent, ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      await service.deleteOverride(deps, ctxOf(req), req.params.scope, req.params.target);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/assets/:id/renewal-policy',
    { config: read, schema: { tags, summary: 'The renewal policy in force for an asset, where each field comes from, and its next renewal schedule', params: schemas.assetParams, response: { 200: schemas.effectivePolicyView, ...problems(400, 401, 403, 404) } } },
    async (req) => service.assetPolicy(deps, req.params.id),
  );
}
