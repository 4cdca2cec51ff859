import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery } from '../platform/http/cursor.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { isCalendarDate } from '../registry/assets.model.ts';
import * as costs from './costs.service.ts';
import * as schemas from './tasks.schemas.ts';
import { completeTask } from './tasks.complete.service.ts';
import { pushTask } from './tasks.push.service.ts';
import * as service from './tasks.service.ts';

const tags = ['renewal tasks'];
const read = { access: 'renewals:read' } as const;
const write = { access: 'renewals:write' } as const;
const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

// Both lists are paged by a calendar date (due day, day paid).
const cursorOf = (raw: string | undefined) => cursorFromQuery(raw, (v) => typeof v === 'string' && isCalendarDate(v));

export function taskRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/tasks',
    { config: read, schema: { tags, summary: 'The renewal task inbox, soonest due first', querystring: schemas.taskQuery, response: { 200: schemas.taskPage, ...problems(400, 401, 403) } } },
    async (req) => {
      const { cursor, ...q } = req.query;
      return service.listTasks(deps, req.actor, { ...q, cursor: cursorOf(cursor) });
    },
  );

  app.get(
    '/api/v1/tasks/summary',
    { config: read, schema: { tags, summary: 'Counts of renewal tasks for the dashboard', response: { 200: schemas.taskSummary, ...problems(401, 403) } } },
    async (req) => service.summary(deps, req.actor),
  );

  app.get(
    '/api/v1/tasks/assignees',
    { config: read, schema: { tags, summary: 'The people a renewal task can be assigned to', response: { 200: schemas.assigneeList, ...problems(401, 403) } } },
    async (req) => service.assignees(deps, req.actor),
  );

  app.get(
    '/api/v1/tasks/:id',
    { config: read, schema: { tags, summary: 'One renewal task with its comments and the asset’s cost history', params: schemas.idParams, response: { 200: schemas.taskDetail, ...problems(400, 401, 403, 404) } } },
    async (req) => service.getTask(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/tasks/:id',
    { config: write, schema: { tags, summary: 'Start, snooze, reopen or (re)assign a renewal task', params: schemas.idParams, body: schemas.taskPatch, response: { 200: schemas.taskView, ...bodyProblems } } },
    async (req) => service.updateTask(deps, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/tasks/:id/comments',
    { config: write, schema: { tags, summary: 'Comment on a renewal task', params: schemas.idParams, body: schemas.commentBody, response: { 201: schemas.commentView, ...bodyProblems } } },
    async (req, reply) => reply.code(201).send(await service.addComment(deps, ctxOf(req), req.params.id, req.body.body)),
  );

  app.post(
    '/api/v1/tasks/:id/complete',
    { config: write, schema: { tags, summary: 'Complete a renewal task: renewed (new expiry, what was paid) or cancelled (retires the asset)', params: schemas.idParams, body: schemas.completeBody, response: { 200: schemas.taskView, ...bodyProblems } } },
    async (req) => completeTask(deps, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/tasks/:id/push',
    { config: write, schema: { tags, summary: 'Send a renewal task to an external tracker through a webhook channel', params: schemas.idParams, body: schemas.pushBody, response: { 200: schemas.taskView, ...bodyProblems } } },
    async (req) => pushTask(deps, ctxOf(req), req.params.id, req.body.channelId),
  );

  costRoutes(app, deps);
}

function costRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/assets/:id/costs',
    { config: { access: 'registry:read' }, schema: { tags: ['assets'], summary: "An asset's cost history, newest payment first", params: schemas.idParams, querystring: schemas.costQuery, response: { 200: schemas.costPage, ...problems(400, 401, 403, 404) } } },
    async (req) => costs.listCosts(deps, req.actor, req.params.id, { limit: req.query.limit, cursor: cursorOf(req.query.cursor) }),
  );

  app.post(
    '/api/v1/assets/:id/costs',
    { config: { access: 'registry:write' }, schema: { tags: ['assets'], summary: 'Record a payment for an asset', params: schemas.idParams, body: schemas.costBody, response: { 201: schemas.costView, ...problems(400, 401, 403, 404, 413, 415) } } },
    async (req, reply) => reply.code(201).send(await costs.recordCost(deps, ctxOf(req), req.params.id, req.body)),
  );
}
