import { z } from 'zod';
import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { badRequest } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { ASSET_KINDS, BILLING_CYCLES } from '../assets.model.ts';
import { ENCODINGS } from './file.ts';
import { commitImport, previewImport, uploadImport } from './service.ts';

const tags = ['import and export'];
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

const optionsBody = z.strictObject({
  mapping: z.record(z.string(), z.string()).optional().describe('CSV header → field (client, identifier, expiresOn, custom:name, secret:name, ignore, …)'),
  defaults: z
    .strictObject({
      client: z.string().trim().min(1).max(300).optional(),
      kind: z.enum(ASSET_KINDS).optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional(),
      billingCycle: z.enum(BILLING_CYCLES).optional(),
      providerKind: z.string().max(20).optional(),
    })
    .optional(),
  skipRejected: z.boolean().optional(),
});

export function importRoutes(app: App, deps: Deps): void {
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
  // A child scope, so the CSV body parser and its larger size limit apply to uploads only.
  void app.register(async (scoped: App) => {
    scoped.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: deps.config.importLimitBytes }, (_req, body, done) => done(null, body));
    scoped.post(
      '/api/v1/imports',
      {
        config: { access: 'registry:write' },
        bodyLimit: deps.config.importLimitBytes,
        schema: {
          tags,
          summary: 'Upload a CSV file of assets; answers with its columns and a suggested mapping',
          querystring: z.strictObject({ fileName: z.string().max(200).default('import.csv'), encoding: z.enum(ENCODINGS).optional() }),
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw badRequest('Send the CSV file as the request body with Content-Type text/csv.');
        const upload = await uploadImport(deps, ctxOf(req), { fileName: req.query.fileName, bytes: req.body, encoding: req.query.encoding });
        return reply.code(201).send(upload);
      },
    );
  });

  app.post(
    '/api/v1/imports/:id/preview',
    { config: { access: 'registry:write' }, schema: { tags, summary: 'Dry run: what the import would create, update or reject', params: z.strictObject({ id: z.string().max(64) }), body: optionsBody } },
    async (req) => previewImport(deps, ctxOf(req), req.params.id, req.body as Parameters<typeof previewImport>[3]),
  );

  app.post(
    '/api/v1/imports/:id/commit',
    { config: { access: 'registry:write' }, schema: { tags, summary: 'Apply the import: every row or none', params: z.strictObject({ id: z.string().max(64) }), body: optionsBody } },
    async (req) => commitImport(deps, ctxOf(req), req.params.id, req.body as Parameters<typeof commitImport>[3]),
  );
}
