import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/server.ts';
import { exportCsv, exportJson } from './service.ts';

export function exportRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/export',
    {
      config: { access: 'registry:read' },
      schema: {
        tags: ['import and export'],
        summary: 'Export the registry as CSV (assets) or JSON (everything)',
        querystring: z.strictObject({
          format: z.enum(['csv', 'json']).default('csv'),
          includeRetired: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
        }),
      },
    },
    async (req, reply) => {
      const stamp = deps.now().toISOString().slice(0, 10);
      const { format, includeRetired } = req.query;
      const body = format === 'csv' ? exportCsv(deps, req.actor, includeRetired) : exportJson(deps, req.actor, includeRetired);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json')
        .header('content-disposition', `attachment; filename="upkeep-registry-${stamp}.${format}"`)
        .send(Readable.from(body));
    },
  );
}
