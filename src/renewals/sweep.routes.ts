import { z } from 'zod';
import { encodeCursor } from '../platform/db/keyset.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import { page, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { listSweeps, runSweep } from './sweep.service.ts';

const tags = ['renewals'];

const count = (what: string) => z.number().int().describe(what);

const sweepCounts = z
  .object({
    assets: count('Assets read: those whose expiry falls in the window some policy acts on'),
    reminders: count('Reminders sent, each once'),
    late: count('Of the reminders, those that came after their day (the sweep had not run then)'),
    tasks: count('Renewal tasks created'),
    escalations: count('Renewal tasks escalated'),
    snoozesEnded: count('Snoozed tasks whose day came, open again'),
    autoRenewFailed: count('Auto-renewals found failed: the expiry did not move on within the grace period'),
    autoRenewVerified: count('Failed auto-renewals resolved: the expiry moved on after all'),
    tasksClosed: count('Open tasks of auto-renewing assets closed as renewed'),
    ms: count('How long the sweep took, in milliseconds'),
  })
  .meta({ id: 'RenewalSweepCounts', description: 'What one renewal sweep did' });

const sweepView = z
  .object({
    id: z.string(),
    sweptAt: z.string().describe('The instant swept up to: the next sweep sends what fell due after it'),
    startedAt: z.string(),
    finishedAt: z.string().nullable().describe('Null while running, or when it stopped half-way (the next sweep covers its range again)'),
    counts: sweepCounts.nullable(),
  })
  .meta({ id: 'RenewalSweep', description: 'One run of the renewal sweep: reminders, tasks, escalations and auto-renew checks' });

const sweepQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function sweepRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/renewals/sweeps',
    {
      config: { access: 'renewals:read' },
      schema: { tags, summary: 'List renewal sweeps, latest first', querystring: sweepQuery, response: { 200: page(sweepView, 'RenewalSweepPage', 'renewal sweeps, latest first'), ...problems(400, 401, 403) } },
    },
    async (req) => {
      const result = await listSweeps(deps, cursorFromQuery(req.query.cursor, instantValue), req.query.limit);
      return { items: result.items, nextCursor: result.nextCursor ? encodeCursor(result.nextCursor) : null };
    },
  );

  app.post(
    '/api/v1/renewals/sweeps',
    {
      config: { access: 'renewals:policies' },
      schema: { tags, summary: 'Run the renewal sweep now (it also runs every 15 minutes)', response: { 201: sweepView, ...problems(400, 401, 403, 413, 415) } },
    },
    async (_req, reply) => reply.code(201).send(await runSweep(deps, deps.now())),
  );
}
