import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Deps } from '../../platform/deps.ts';
import { problems, streamed } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import { assetView, clientView, projectView, providerView } from '../schemas.ts';
import { EXPORT_COLUMNS, exportCsv, exportJson } from './service.ts';

// What the files hold, for the document only: the body is streamed and never checked against these.
const exportedAsset = assetView
  .omit({ cost: true, renewalPrice: true, storedStatus: true, daysUntilRenewal: true, yearlyCost: true })
  .extend({
    status: assetView.shape.storedStatus,
    costAmount: z.number().int().nullable().describe('What one cycle costs now, in minor units of currency'),
    renewalAmount: z.number().int().nullable().describe('What the next renewal will cost, in minor units of currency'),
  })
  .meta({ id: 'ExportedAsset', description: 'An asset as stored; secret values are never exported, only their names' });

const registryExport = z
  .object({
    exportedAt: z.string().describe('An instant, ISO 8601 in UTC'),
    clients: z.array(clientView),
    projects: z.array(projectView),
    providers: z.array(providerView).describe('Empty for client-portal users'),
    assets: z.array(exportedAsset),
  })
  .meta({ id: 'RegistryExport', description: 'Everything the caller may see' });

const exportFile = streamed(
  'The registry as a file to download',
  {
    'text/csv': z.string().describe(`UTF-8 CSV with a header row (${EXPORT_COLUMNS.join(', ')}), one asset per row; it imports back`),
    'application/json': registryExport,
  },
  { 'content-disposition': { type: 'string', description: 'attachment; filename="upkeep-registry-YYYY-MM-DD.csv" (or .json)' } },
);

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
        response: { 200: exportFile, ...problems(400, 401, 403) },
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
