import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { unauthenticated } from '../platform/http/problem.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './policies.schemas.ts';
import { getSchedule, updateSchedule } from './quiet-hours.service.ts';

const tags = ['notification schedules'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/** Quiet hours, working hours and digest choice: your own with `profile`, anyone's with `notifications:manage`. */
export function quietHoursRoutes(app: App, deps: Deps): void {
  const me = (actor: Actor) => {
    if (!actor.id) throw unauthenticated();
    return actor.id;
  };
  const patchProblems = problems(400, 401, 403, 404, 413, 415);

  app.get('/api/v1/me/notification-schedule', { config: { access: 'profile' }, schema: { tags, summary: 'Your quiet hours, working hours and digest choice', response: { 200: schemas.scheduleView, ...problems(401, 403, 404) } } }, async (req) =>
    getSchedule(deps, me(req.actor)),
  );
  app.patch(
    '/api/v1/me/notification-schedule',
    { config: { access: 'profile' }, schema: { tags, summary: 'Change your quiet hours, working hours or digest choice', body: schemas.schedulePatch, response: { 200: schemas.scheduleView, ...patchProblems } } },
    async (req) => updateSchedule(deps, ctxOf(req), me(req.actor), req.body),
  );

  const ofUser = '/api/v1/users/:id/notification-schedule';
  app.get(ofUser, { config: { access: 'notifications:manage' }, schema: { tags, summary: "A user's quiet hours, working hours and digest choice", params: schemas.idParams, response: { 200: schemas.scheduleView, ...problems(400, 401, 403, 404) } } }, async (req) =>
    getSchedule(deps, req.params.id),
  );
  app.patch(
    ofUser,
    { config: { access: 'notifications:manage' }, schema: { tags, summary: "Change a user's quiet hours, working hours or digest choice", params: schemas.idParams, body: schemas.schedulePatch, response: { 200: schemas.scheduleView, ...patchProblems } } },
    async (req) => updateSchedule(deps, ctxOf(req), req.params.id, req.body),
  );
}
