import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { invalid } from '../http/problem.ts';
import { page, problems } from '../http/responses.ts';
import type { App } from '../http/server.ts';
import { ACTOR_TYPES } from './model.ts';
import { listAudit } from './store.ts';

// A response: `z.object`, since the serializer checks every answer and drops keys it does not name.
export const auditEntry = z
  .object({
    seq: z.number().int().describe('Position in the log, from 1'),
    id: z.string(),
    at: z.string().describe('When, ISO 8601 in UTC'),
    actorType: z.enum(ACTOR_TYPES),
    actorId: z.string().nullable().describe('The user for people and tokens; the job or command for the system and the CLI'),
    action: z.string().describe('What was done, e.g. asset.created'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().describe('The entity before the change, as JSON; null for a creation'),
    after: z.unknown().describe('The entity after the change, as JSON; null for a deletion'),
    requestId: z.string().nullable().describe('The request that made the change; null outside HTTP'),
    prevHash: z.string().describe("The previous entry's hash"),
    hash: z.string().describe("SHA-256 over this entry's content and prevHash: editing or removing an entry breaks the chain"),
  })
  .meta({ id: 'AuditEntry', description: 'One change in the append-only, hash-chained audit log' });

const auditPage = page(auditEntry, 'AuditEntryPage', 'audit entries, newest first');

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
        response: { 200: auditPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const page = await listAudit(deps.database.db, req.query);
      if (!page) throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
      return page;
    },
  );
}
