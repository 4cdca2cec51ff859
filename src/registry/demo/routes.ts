import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { conflict } from '../../platform/http/problem.ts';
import { problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import { loadDemoData } from './load.ts';

/** A newcomer's first look: an owner or admin may fill an empty registry with the demo agency. */
export function demoRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/demo',
    {
      config: { access: 'users:manage' },
      schema: {
        tags: ['demo'],
        summary: 'Load the demo agency into an empty registry',
        response: {
          201: z.object({ clients: z.number(), projects: z.number(), providers: z.number(), users: z.number(), assets: z.number() }).meta({ id: 'DemoLoaded' }),
          ...problems(401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const loaded = await loadDemoData(deps, req.actor);
      if (!loaded) throw conflict('The registry is not empty; the demo agency is only loaded into an empty one.');
      return reply.code(201).send(loaded as { clients: number; projects: number; providers: number; users: number; assets: number });
    },
  );
}
