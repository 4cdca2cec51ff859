import { z } from 'zod';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, toPage } from '../platform/db/keyset.ts';
import { invalid } from '../platform/http/problem.ts';
import { noContent, page, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { CHANNEL_KINDS } from './channels/channel.ts';
import * as service from './channels.service.ts';
import * as store from './channels.store.ts';
import { CHANNEL_STATUSES } from './outbox.model.ts';

const tags = ['notifications'];

export const channelView = z
  .object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    ownerUserId: z.string().nullable().describe('The person whose channel it is; null for an agency-wide channel'),
    clientId: z.string().nullable().describe('Set for a client-facing channel: messages use the client’s language and wording'),
    config: z.record(z.string(), z.unknown()).describe('The settings that are not secret'),
    secretFields: z.array(z.string()).describe('Secret settings that are set; their values are never returned'),
    target: z.string().describe('Where messages go, safe to show'),
    status: z.enum(CHANNEL_STATUSES).describe('ok; failing (temporary failures past the fallback limit); broken (skipped until fixed or tested)'),
    statusReason: z.string().nullable(),
    statusChangedAt: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    ratePerMinute: z.number().int().nullable().describe('Messages per minute; more wait for the next minute. Null: no limit'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Channel', description: 'A way to reach a person or a team' });

const channelPage = page(channelView, 'ChannelPage', 'channels, by name');

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const rate = z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).nullable();
const config = z.record(z.string(), z.unknown()).describe('The settings of the kind: email {address}; webhook {url, secret}; slack/teams/discord {webhookUrl}; telegram {botToken, chatId}; sms {accountSid, authToken, from, to}');

const channelBody = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  name,
  config,
  ownerUserId: z.string().min(1).max(64).nullable().optional().describe('Omit for your own channel; null for an agency-wide one (notifications:manage)'),
  clientId: z.string().min(1).max(64).nullable().optional(),
  ratePerMinute: rate.optional(),
});
const channelPatch = z.strictObject({ name: name.optional(), config: config.optional(), clientId: z.string().min(1).max(64).nullable().optional(), ratePerMinute: rate.optional() });

const listQuery = z.strictObject({
  kind: z.enum(CHANNEL_KINDS).optional(),
  status: z.enum(CHANNEL_STATUSES).optional(),
  ownerUserId: z.string().min(1).max(64).optional().describe('Only this person’s channels (people who manage notifications); others always see their own'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const idParams = z.strictObject({ id: z.string().min(1).max(64) });

const testResult = z
  .object({
    ok: z.boolean().describe('Whether the channel accepted the test message'),
    providerMessageId: z.string().nullable().optional(),
    failure: z.enum(['temporary', 'permanent']).optional().describe('When it failed: whether trying later could help'),
    reason: z.string().optional().describe('When it failed: what the receiving service said'),
    channel: channelView,
  })
  .meta({ id: 'ChannelTestResult', description: 'The outcome of sending a test message now' });

function listFilter(actor: Actor, query: z.infer<typeof listQuery>): store.ChannelFilter {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor === null || (cursor && typeof cursor.value !== 'string')) throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
  const manage = service.canManage(actor);
  return {
    // Without notifications:manage a person sees their own channels and the agency-wide ones they may choose.
    ownerUserId: manage ? query.ownerUserId : (actor.id ?? '__none__'),
    withAgencyWide: !manage && actor.role !== 'client',
    kind: query.kind,
    status: query.status,
    limit: query.limit,
    after: cursor ? { value: cursor.value as string, id: cursor.id } : undefined,
  };
}

export function channelRoutes(app: App, deps: Deps): void {
  const access = { access: 'profile' } as const;
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
  const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

  app.get('/api/v1/channels', { config: access, schema: { tags, summary: 'List notification channels', querystring: listQuery, response: { 200: channelPage, ...problems(400, 401, 403) } } }, async (req) => {
    const rows = await store.listChannels(deps.database.db, listFilter(req.actor, req.query));
    return toPage(rows, req.query.limit, (c) => ({ value: c.name, id: c.id }), (c) => service.toView(deps, c));
  });
  app.post('/api/v1/channels', { config: access, schema: { tags, summary: 'Add a notification channel', body: channelBody, response: { 201: channelView, ...bodyProblems } } }, async (req, reply) =>
    reply.code(201).send(await service.createChannel(deps, ctxOf(req), req.body)),
  );
  app.get('/api/v1/channels/:id', { config: access, schema: { tags, summary: 'One notification channel', params: idParams, response: { 200: channelView, ...problems(400, 401, 403, 404) } } }, async (req) =>
    service.toView(deps, await service.getChannel(deps, req.actor, req.params.id)),
  );
  app.patch('/api/v1/channels/:id', { config: access, schema: { tags, summary: 'Change a channel (new settings clear "broken")', params: idParams, body: channelPatch, response: { 200: channelView, ...bodyProblems } } }, async (req) =>
    service.updateChannel(deps, ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/channels/:id', { config: access, schema: { tags, summary: 'Delete a channel', params: idParams, response: { 204: noContent, ...problems(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    await service.deleteChannel(deps, ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
  app.post('/api/v1/channels/:id/test', { config: access, schema: { tags, summary: 'Send a test message now; success clears "broken"', params: idParams, response: { 200: testResult, ...problems(400, 401, 403, 404) } } }, async (req) =>
    service.testChannel(deps, ctxOf(req), req.params.id),
  );
}
