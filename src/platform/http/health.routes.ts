import { z } from 'zod';
import { isReachable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { problems } from './responses.ts';
import type { App } from './server.ts';

const live = z.object({ status: z.literal('ok') }).meta({ id: 'Health', description: 'The process answers' });

const readiness = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    database: z.enum(['ok', 'unreachable']),
    dialect: z.string().describe('sqlite or postgres'),
  })
  .meta({ id: 'Readiness', description: 'Whether the database answers: 200 when it does, 503 when not' });

/** Liveness says the process answers; readiness says it can do its work (the database answers). */
export function healthRoutes(app: App, deps: Deps): void {
  // No credentials needed; a bad bearer token is still refused (401).
  const tags = ['health'];
  const security: [] = [];
  const liveness = { tags, security, summary: 'Liveness', response: { 200: live, ...problems(401) } };
  app.get('/api/v1/health', { config: { access: 'public' }, schema: liveness }, async () => ({ status: 'ok' as const }));
  const ready = { tags, security, summary: 'Readiness: the database answers', response: { 200: readiness, 503: readiness, ...problems(401) } };
  app.get('/api/v1/ready', { config: { access: 'public' }, schema: ready }, async (_req, reply) => {
    const database = await isReachable(deps.database.db);
    return reply.code(database ? 200 : 503).send({ status: database ? 'ready' : 'unavailable', database: database ? 'ok' : 'unreachable', dialect: deps.database.dialect.name });
  });
}
