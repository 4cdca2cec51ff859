import { z } from 'zod';
import { page } from '../platform/http/responses.ts';
import { INCIDENT_STATES } from './schemas.ts';

/** Request and response shapes of status pages, for staff and for the public. */
const id = z.string().min(1).max(64);
const instant = z.string().describe('An instant, ISO 8601 in UTC');

const slug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(60)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'must be lower-case letters, digits and dashes, e.g. acme-shop');

export const statusPageBody = z.strictObject({
  slug,
  title: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().max(5000).default(''),
  clientId: id.nullable().default(null),
  projectId: id.nullable().default(null),
  monitorIds: z.array(id).max(100).refine((ids) => new Set(ids).size === ids.length, 'lists a monitor twice').describe('The monitors shown, in order'),
  published: z.boolean().default(true),
});
export const statusPagePatch = z.strictObject({
  slug: slug.optional(),
  title: statusPageBody.shape.title.optional(),
  description: z.string().max(5000).optional(),
  clientId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  monitorIds: statusPageBody.shape.monitorIds.optional(),
  published: z.boolean().optional(),
});
export type StatusPageBody = z.output<typeof statusPageBody>;
export type StatusPagePatch = z.output<typeof statusPagePatch>;

export const statusPageQuery = z.strictObject({
  clientId: id.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const statusPageView = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    clientId: z.string().nullable(),
    projectId: z.string().nullable(),
    monitorIds: z.array(z.string()),
    published: z.boolean(),
    publicPath: z.string().describe('Where the public page reads its data: /api/v1/status-pages/public/{slug}'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'StatusPage', description: 'A public status page for a client or project' });

export const statusPagePage = page(statusPageView, 'StatusPagePage', 'status pages, by slug');

export const slugParams = z.strictObject({ slug: z.string().min(1).max(60) });

const publicDay = z.object({ date: z.string().describe('YYYY-MM-DD'), uptime: z.number().nullable(), downSeconds: z.number() });

export const publicStatusPage = z
  .object({
    title: z.string(),
    description: z.string(),
    state: z.enum(['operational', 'degraded', 'down', 'unknown']).describe('All up, some down, all down, or nothing checked yet'),
    monitors: z.array(
      z.object({
        name: z.string(),
        state: z.enum(['pending', 'up', 'down', 'paused']),
        uptime90d: z.number().nullable(),
        days: z.array(publicDay).describe('The last 90 days, oldest first'),
      }),
    ),
    incidents: z.array(
      z.object({
        id: z.string(),
        monitorName: z.string(),
        state: z.enum(INCIDENT_STATES),
        startedAt: instant,
        resolvedAt: instant.nullable(),
        updates: z.array(z.object({ kind: z.string(), message: z.string(), at: instant })).describe('Public updates only, oldest first'),
      }),
    ),
    generatedAt: instant,
  })
  .meta({ id: 'PublicStatusPage', description: 'What a status page shows to anyone: names, states, uptime bars and public incident updates, nothing else' });
