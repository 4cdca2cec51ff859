import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery } from '../platform/http/cursor.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './calendars.schemas.ts';
import * as service from './calendars.service.ts';

const tags = ['desk'];
const read = { access: 'desk:read' } as const;
const manage = { access: 'desk:manage' } as const;
const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

export function calendarRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/business-calendars',
    { config: read, schema: { tags, summary: 'List business calendars, by name', querystring: schemas.listQuery, response: { 200: schemas.calendarPage, ...problems(400, 401, 403) } } },
    async (req) => service.listCalendars(deps, ctxOf(req), { limit: req.query.limit, cursor: cursorFromQuery(req.query.cursor) }),
  );

  app.post(
    '/api/v1/business-calendars',
    { config: manage, schema: { tags, summary: 'Create a business calendar', body: schemas.calendarBody, response: { 201: schemas.calendarView, ...problems(400, 401, 403, 413, 415) } } },
    async (req, reply) => reply.code(201).send(await service.createCalendar(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/business-calendars/:id',
    { config: read, schema: { tags, summary: 'One business calendar', params: schemas.idParams, response: { 200: schemas.calendarView, ...problems(400, 401, 403, 404) } } },
    async (req) => service.getCalendar(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/business-calendars/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a business calendar; refused (409) when it would leave a plan counting in it invalid',
        params: schemas.idParams,
        body: schemas.calendarPatch,
        response: { 200: schemas.calendarView, ...bodyProblems },
      },
    },
    async (req) => service.updateCalendar(deps, ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/business-calendars/:id',
    { config: manage, schema: { tags, summary: 'Delete a business calendar no SLA plan uses', params: schemas.idParams, response: { 204: noContent, ...problems(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      await service.deleteCalendar(deps, ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/business-calendars/:id/preview',
    {
      config: read,
      schema: {
        tags,
        summary: 'The working time of the next days, in local time, with closed days and public holidays by name',
        params: schemas.idParams,
        querystring: schemas.previewQuery,
        response: { 200: schemas.previewView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => service.previewCalendar(deps, req.actor, req.params.id, req.query.from, req.query.days),
  );
}
