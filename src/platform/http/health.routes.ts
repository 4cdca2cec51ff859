import { isReachable } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import type { App } from './server.ts';

/** Liveness says the process answers; readiness says it can do its work (the database answers). */
export function healthRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/health', { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
  app.get('/api/v1/ready', { config: { access: 'public' }, schema: { tags: ['health'], summary: 'Readiness: the database answers' } }, async (_req, reply) => {
    const database = await isReachable(deps.database.db);
    return reply.code(database ? 200 : 503).send({ status: database ? 'ready' : 'unavailable', database: database ? 'ok' : 'unreachable', dialect: deps.database.dialect.name });
  });
}
