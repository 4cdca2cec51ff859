import { z } from 'zod';
import { readAgency } from '../../accounts/agency.ts';
import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { page, problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import { EVENT_TYPES } from '../events.ts';
import { AUDIENCES, TEMPLATE_LOCALES } from './model.ts';
import * as service from './service.ts';

/** Message templates: list, read, replace with the agency's own wording, go back, and preview. */
const tags = ['notifications'];
const access = { access: 'notifications:manage' } as const;

const templateText = z.object({ subject: z.string(), text: z.string(), html: z.string().nullable() });
const templateView = z
  .object({
    eventType: z.enum(EVENT_TYPES),
    audience: z.enum(AUDIENCES),
    locale: z.enum(TEMPLATE_LOCALES),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable().describe('Null: the HTML part is made from the text'),
    overridden: z.boolean().describe('True when the agency replaced the built-in wording'),
    placeholders: z.array(z.string()).describe('What {{…}} may name in this template'),
    builtIn: templateText.describe('The built-in wording'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationTemplate', description: 'The wording of one event type for one audience in one language' });
const templatePage = page(templateView, 'NotificationTemplatePage', 'templates (all that match: there is never a next page)');

const eventType = z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(', ')}` });
const audience = z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(', ')}` });
const locale = z.enum(TEMPLATE_LOCALES, { error: `is not a language Upkeep has templates in; use one of ${TEMPLATE_LOCALES.join(', ')}` });

const listQuery = z.strictObject({ eventType: eventType.optional(), audience: audience.optional(), locale: locale.optional() });
const keyParams = z.strictObject({ eventType: z.string().max(100), audience: z.string().max(20), locale: z.string().max(20) });
const part = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const templateBody = z.strictObject({ subject: part(300), text: part(20_000), html: part(100_000).nullable().optional() });
const previewBody = z.strictObject({ eventType, audience, locale, draft: templateBody.optional().describe('Preview this wording instead of the saved one') });
const rendered = z
  .object({ subject: z.string(), text: z.string(), html: z.string() })
  .meta({ id: 'RenderedMessage', description: 'A message as its recipient would get it' });

const BY_KEY = '/api/v1/notification-templates/:eventType/:audience/:locale';

export function templateRoutes(app: App, deps: Deps): void {
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

  app.get('/api/v1/notification-templates', { config: access, schema: { tags, summary: 'Templates by event type, audience and language', querystring: listQuery, response: { 200: templatePage, ...problems(400, 401, 403) } } }, async (req) => ({
    items: await service.listTemplates(deps, req.query),
    nextCursor: null,
  }));
  app.get(BY_KEY, { config: access, schema: { tags, summary: 'One template', params: keyParams, response: { 200: templateView, ...problems(400, 401, 403) } } }, async (req) =>
    service.getTemplate(deps, service.checkKey(req.params)),
  );
  app.put(BY_KEY, { config: access, schema: { tags, summary: 'Replace a template with the agency’s own wording (placeholders are checked)', params: keyParams, body: templateBody, response: { 200: templateView, ...problems(400, 401, 403, 413, 415) } } }, async (req) =>
    service.saveTemplate(deps, ctxOf(req), service.checkKey(req.params), { subject: req.body.subject, text: req.body.text, html: req.body.html ?? null }),
  );
  app.delete(BY_KEY, { config: access, schema: { tags, summary: 'Go back to the built-in template', params: keyParams, response: { 200: templateView, ...problems(400, 401, 403) } } }, async (req) =>
    service.resetTemplate(deps, ctxOf(req), service.checkKey(req.params)),
  );
  app.post('/api/v1/notification-templates/preview', { config: access, schema: { tags, summary: 'Render a sample event with a template in a language', body: previewBody, response: { 200: rendered, ...problems(400, 401, 403, 413, 415) } } }, async (req) => {
    const agency = await readAgency(deps);
    const draft = req.body.draft ? { subject: req.body.draft.subject, text: req.body.draft.text, html: req.body.draft.html ?? null } : undefined;
    return service.previewTemplate(deps, {
      eventType: req.body.eventType,
      audience: req.body.audience,
      locale: req.body.locale,
      draft,
      recipientName: 'Alex Example',
      agencyName: agency.name,
      timeZone: agency.timeZone,
      publicUrl: deps.config.publicUrl,
    });
  });
}
