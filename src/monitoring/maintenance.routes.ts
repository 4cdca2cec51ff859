import type { Actor } from '../accounts/model.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import type { Deps } from '../platform/deps.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as service from './maintenance.service.ts';
import * as schemas from './schemas.ts';

const tags = ['maintenance'];
const read = { access: 'monitoring:read' } as const;
const write = { access: 'monitoring:write' } as const;
const bodyProblems = problems(400, 401, 403, 404, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

// Paged by start: the cursor carries an instant.
const cursorOf = (raw: string | undefined) => cursorFromQuery(raw, instantValue);

export function maintenanceRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/maintenance-windows',
    { config: read, schema: { tags, summary: 'List maintenance windows, latest start first', querystring: schemas.maintenanceQuery, response: { 200: schemas.maintenancePage, ...problems(400, 401, 403) } } },
    async (req) => {
      const { cursor, ...filter } = req.query;
      return service.listWindows(deps, req.actor, { ...filter, cursor: cursorOf(cursor) });
    },
  );

  app.post(
    '/api/v1/maintenance-windows',
    { config: write, schema: { tags, summary: 'Plan a maintenance window, one-off or recurring', body: schemas.maintenanceBody, response: { 201: schemas.maintenanceView, ...bodyProblems } } },
    async (req, reply) => reply.code(201).send(await service.createWindow(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/maintenance-windows/:id',
    { config: read, schema: { tags, summary: 'One maintenance window', params: schemas.idParams, response: { 200: schemas.maintenanceView, ...problems(400, 401, 403, 404) } } },
    async (req) => service.getWindow(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/maintenance-windows/:id',
    { config: write, schema: { tags, summary: 'Change a maintenance window', params: schemas.idParams, body: schemas.maintenancePatch, response: { 200: schemas.maintenanceView, ...bodyProblems } } },
    async (req) => service.updateWindow(deps, ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/maintenance-windows/:id',
    { config: write, schema: { tags, summary: 'Delete a maintenance window', params: schemas.idParams, response: { 204: noContent, ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      await service.deleteWindow(deps, ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
