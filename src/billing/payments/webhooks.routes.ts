import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import { createWebhookReceiver } from './webhooks.service.ts';
import * as schemas from './webhooks.schemas.ts';

const tags = ['billing webhooks'];

/**
 * Where Stripe and PayPal post their events. No sign-in: the gateway's signature over the exact
 * bytes received is the credential, so these routes read the body raw, whatever its declared
 * type, in a scope of their own (the rest of the API keeps its JSON parser).
 */
export function webhookRoutes(app: App, deps: Deps): void {
  const receiver = createWebhookReceiver(deps);
  void app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    const options = (summary: string) => ({
      config: { access: 'public' as const },
      schema: { tags, security: [], summary, response: { 200: schemas.webhookReceived, ...problems(400, 404, 413) } },
    });
    scope.post('/api/v1/billing/webhooks/stripe', options("Stripe's events, signed in the Stripe-Signature header"), (req) => receiver.stripe(rawBodyOf(req), req.headers, req.id));
    scope.post('/api/v1/billing/webhooks/paypal', options("PayPal's events, signed in the PAYPAL-TRANSMISSION-* headers"), (req) => receiver.paypal(rawBodyOf(req), req.headers, req.id));
  });
}

function rawBodyOf(req: FastifyRequest): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
