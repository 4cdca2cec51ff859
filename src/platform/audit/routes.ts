import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { invalid } from '../http/problem.ts';
import type { App } from '../http/server.ts';
import { listAudit } from './store.ts';

export function auditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: z.strictObject({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(64).optional(),
          actorId: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => {
      const page = await listAudit(deps.database.db, req.query);
      if (!page) throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
      return page;
    },
  );
}
