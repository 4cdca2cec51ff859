import { z } from 'zod';
import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { problem, problemResponse, problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import { ASSET_KINDS, BILLING_CYCLES } from '../assets.model.ts';
import { assetView } from '../schemas.ts';
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

// Responses: `z.object`, since the serializer checks every answer and drops keys it does not name.
const mappingView = z.record(z.string(), z.string()).describe('CSV header, exactly as in the file → the field it fills (see the request mapping)');

export const importUpload = z
  .object({
    id: z.string().describe('Give it to preview and commit'),
    fileName: z.string(),
    rowCount: z.number().int().describe('Rows below the header'),
    headers: z.array(z.string()),
    suggested: z
      .object({
        format: z.enum(['domainmod', 'spreadsheet']),
        mapping: mappingView,
        defaults: z.object({ kind: z.enum(ASSET_KINDS).optional(), providerKind: z.string().optional() }),
        problems: z.array(
          z.object({
            kind: z.enum(['duplicate', 'same-when-normalized']).describe('duplicate: the same header twice; same-when-normalized: two spellings of one name'),
            headers: z.array(z.string()),
            columns: z.array(z.number().int()).describe('1-based column numbers, as a spreadsheet shows them'),
            message: z.string(),
          }),
        ),
      })
      .describe('What the columns most likely hold'),
    sample: z.array(z.record(z.string(), z.string())).describe('The first rows, by header'),
  })
  .meta({ id: 'ImportUpload', description: 'An uploaded CSV file: its columns, a suggested mapping and the first rows' });

const listed = (what: string) => `${what}; at most listLimit entries, the summary has the full count`;

export const importReport = z
  .object({
    importId: z.string(),
    committed: z.boolean().describe('False for a preview: nothing was written'),
    summary: z.object({
      rows: z.number().int(),
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      newClients: z.number().int(),
      newProviders: z.number().int(),
      newProjects: z.number().int(),
    }),
    newClients: z.array(z.string()).describe(listed('Names of the clients the import creates')),
    newProviders: z.array(z.string()).describe(listed('Names of the providers the import creates')),
    newProjects: z.array(z.object({ client: z.string(), name: z.string() })).describe(listed('Projects the import creates')),
    creates: z
      .array(z.object({ line: z.number().int(), kind: assetView.shape.kind, identifier: z.string(), client: z.string() }))
      .describe(listed('Rows that create an asset')),
    updates: z
      .array(z.object({ line: z.number().int(), assetId: z.string(), identifier: z.string(), changes: z.array(z.string()).describe('The fields the row changes') }))
      .describe(listed('Rows that change an asset')),
    rejected: z
      .array(
        z.object({
          line: z.number().int(),
          errors: z.array(z.object({ column: z.string().describe("The header, or '' when no column holds the field"), field: z.string(), message: z.string() })),
        }),
      )
      .describe(listed('Rows that cannot be imported, and why')),
    listLimit: z.number().int(),
  })
  .meta({ id: 'ImportReport', description: 'What an import creates, changes and rejects' });

const importRejected = problem
  .extend({ report: importReport })
  .meta({ id: 'ImportRejected', description: 'Rows were rejected, so nothing was imported; the report says which and why' });

const optionProblems = problems(400, 401, 403, 404, 413, 415);

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
          response: { 201: importUpload, ...problems(400, 401, 403, 413, 415) },
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
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: 'Dry run: what the import would create, update or reject',
        params: z.strictObject({ id: z.string().max(64) }),
        body: optionsBody,
        response: { 200: importReport, ...optionProblems },
      },
    },
    async (req) => previewImport(deps, ctxOf(req), req.params.id, req.body as Parameters<typeof previewImport>[3]),
  );

  app.post(
    '/api/v1/imports/:id/commit',
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary: 'Apply the import: every row or none',
        params: z.strictObject({ id: z.string().max(64) }),
        body: optionsBody,
        response: { 200: importReport, ...optionProblems, ...problems(409), 422: problemResponse(422, importRejected, 'Rows were rejected and nothing was imported; commit with skipRejected to import the others') },
      },
    },
    async (req) => commitImport(deps, ctxOf(req), req.params.id, req.body as Parameters<typeof commitImport>[3]),
  );
}
