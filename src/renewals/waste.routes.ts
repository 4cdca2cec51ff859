import type { Actor } from '../accounts/model.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { wasteReport } from './waste.report.ts';
import * as schemas from './waste.schemas.ts';
import * as service from './waste.service.ts';

const tags = ['waste audit'];
const read = { access: 'renewals:read' } as const;
const write = { access: 'renewals:write' } as const;

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

// The report pages by asset id; the cursor carries no sort value.
const assetCursor = (value: unknown) => value === null;

export function wasteRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/waste-audits',
    { config: write, schema: { tags, summary: 'Start a waste audit (all clients, or one)', body: schemas.auditBody, response: { 202: schemas.auditView, ...problems(400, 401, 403, 409, 413, 415) } } },
    async (req, reply) => reply.code(202).send(await service.startAudit(deps, ctxOf(req), req.body ?? {})),
  );

  app.get(
    '/api/v1/waste-audits',
    { config: read, schema: { tags, summary: 'Recent waste audits, latest first', querystring: schemas.auditsQuery, response: { 200: schemas.auditPage, ...problems(400, 401, 403) } } },
    async (req) => service.listAudits(deps, { limit: req.query.limit, cursor: cursorFromQuery(req.query.cursor, instantValue) }),
  );

  app.get(
    '/api/v1/waste-audits/:id',
    { config: read, schema: { tags, summary: 'One waste audit, with its progress', params: schemas.idParams, response: { 200: schemas.auditView, ...problems(400, 401, 403, 404) } } },
    async (req) => service.getAudit(deps, req.params.id),
  );

  app.get(
    '/api/v1/waste-report',
    { config: read, schema: { tags, summary: 'What the latest audit found, with decisions applied, and the potential saving per client', querystring: schemas.reportQuery, response: { 200: schemas.reportView, ...problems(400, 401, 403) } } },
    async (req) => {
      const { cursor, ...filter } = req.query;
      return wasteReport(deps, { ...filter, cursor: cursorFromQuery(cursor, assetCursor) });
    },
  );

  app.post(
    '/api/v1/assets/:id/waste-decision',
    { config: write, schema: { tags, summary: 'Keep or cancel an asset the audit flagged', params: schemas.idParams, body: schemas.decisionBody, response: { 201: schemas.decisionView, ...problems(400, 401, 403, 404, 409, 413, 415) } } },
    async (req, reply) => reply.code(201).send(await service.decide(deps, ctxOf(req), req.params.id, req.body)),
  );
}
