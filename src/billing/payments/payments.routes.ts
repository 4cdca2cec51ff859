import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { noContent, problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import * as flows from './charges.routes.service.ts';
import * as methods from './methods.service.ts';
import * as schemas from './payments.schemas.ts';
import type { BillingSettings } from './settings.model.ts';
import * as settings from './settings.service.ts';

const tags = ['billing'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

const methodView = (m: methods.PaymentMethodRecord) => ({ id: m.id, gateway: m.gateway, kind: m.kind, label: m.label, expMonth: m.expMonth, expYear: m.expYear, isDefault: m.isDefault, createdAt: m.createdAt });
const methodList = (items: methods.PaymentMethodRecord[]) => ({ items: items.map(methodView) });

async function settingsView(deps: Deps) {
  return { settings: await settings.readBillingSettings(deps), gateways: [await settings.gatewayView(deps, 'stripe'), await settings.gatewayView(deps, 'paypal')] };
}

/** The payment settings and gateway credentials: owners and admins only (billing:write). */
export function paymentSettingsRoutes(app: App, deps: Deps): void {
  const access = { access: 'billing:write' } as const;
  app.get('/api/v1/billing/settings', { config: access, schema: { tags, summary: 'Payment settings and gateways (secrets never returned)', response: { 200: schemas.settingsView, ...problems(401, 403) } } }, async () => settingsView(deps));

  app.put('/api/v1/billing/settings', { config: access, schema: { tags, summary: 'Set the payment settings', body: schemas.settingsBody, response: { 200: schemas.settingsView, ...problems(400, 401, 403, 413, 415) } } }, async (req) => {
    await settings.saveBillingSettings(deps, ctxOf(req), req.body as BillingSettings);
    return settingsView(deps);
  });

  const gatewayBodies = { stripe: schemas.stripeBody, paypal: schemas.paypalBody } as const;
  for (const [name, body] of Object.entries(gatewayBodies) as [keyof typeof gatewayBodies, (typeof gatewayBodies)[keyof typeof gatewayBodies]][]) {
    app.put(
      `/api/v1/billing/gateways/${name}`,
      { config: access, schema: { tags, summary: `Save ${name === 'stripe' ? 'Stripe' : 'PayPal'} credentials; secrets left out are kept`, body, response: { 200: schemas.gatewayViewSchema, ...problems(400, 401, 403, 413, 415) } } },
      async (req) => settings.saveGateway(deps, ctxOf(req), name, req.body as Record<string, unknown>),
    );
  }

  app.delete('/api/v1/billing/gateways/:name', { config: access, schema: { tags, summary: "Remove a gateway's credentials", params: schemas.gatewayParams, response: { 204: noContent, ...problems(400, 401, 403, 404) } } }, async (req, reply) => {
    await settings.removeGateway(deps, ctxOf(req), req.params.name);
    return reply.code(204).send();
  });
}

/** A client's saved methods: read with billing:read, managed with billing:pay (the client itself, owners, admins). */
export function paymentMethodRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/clients/:id/payment-methods', { config: { access: 'billing:read' }, schema: { tags, summary: "A client's saved payment methods", params: schemas.clientParams, response: { 200: schemas.methodList, ...problems(401, 403, 404) } } }, async (req) =>
    methodList(await methods.listMethods(deps, req.actor, req.params.id)),
  );

  app.post(
    '/api/v1/clients/:id/payment-methods/setup',
    { config: { access: 'billing:pay' }, schema: { tags, summary: "Open the gateway's hosted page to save a method", params: schemas.clientParams, body: schemas.setupBody, response: { 200: schemas.setupView, ...problems(400, 401, 403, 404, 409, 502) } } },
    async (req) => methods.startMethodSetup(deps, ctxOf(req), req.params.id, req.body.gateway),
  );

  app.post(
    '/api/v1/billing/method-setups/:id/finish',
    { config: { access: 'billing:pay' }, schema: { tags, summary: "After the hosted page: take the method saved there", params: schemas.setupParams, response: { 200: schemas.setupResult, ...problems(401, 403, 404, 502) } } },
    async (req) => {
      const { clientId, methods: saved } = await methods.finishMethodSetup(deps, ctxOf(req), req.params.id);
      return { clientId, ...methodList(saved) };
    },
  );

  app.post(
    '/api/v1/clients/:id/payment-methods/:methodId/default',
    { config: { access: 'billing:pay' }, schema: { tags, summary: 'Charge this method from now on', params: schemas.clientMethodParams, response: { 200: schemas.methodList, ...problems(401, 403, 404) } } },
    async (req) => methodList(await methods.makeDefault(deps, ctxOf(req), req.params.id, req.params.methodId)),
  );

  app.delete(
    '/api/v1/clients/:id/payment-methods/:methodId',
    { config: { access: 'billing:pay' }, schema: { tags, summary: 'Stop using a saved method', params: schemas.clientMethodParams, response: { 200: schemas.methodList, ...problems(401, 403, 404) } } },
    async (req) => methodList(await methods.removeMethod(deps, ctxOf(req), req.params.id, req.params.methodId)),
  );
}

/** Paying, an invoice's charges, approvals of large automatic charges, and dunning. */
export function chargeRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/invoices/:id/pay',
    { config: { access: 'billing:pay' }, schema: { tags, summary: 'Pay what the invoice owes with a saved method', params: schemas.invoiceParams, body: schemas.payBody, response: { 200: schemas.chargeView, ...problems(400, 401, 403, 404, 409, 502) } } },
    async (req) => flows.payNow(deps, ctxOf(req), req.params.id, req.body.methodId),
  );

  app.get('/api/v1/invoices/:id/charges', { config: { access: 'billing:read' }, schema: { tags, summary: "An invoice's charge attempts, automatic charge and dunning", params: schemas.invoiceParams, response: { 200: schemas.chargesOfInvoice, ...problems(401, 403, 404) } } }, async (req) =>
    flows.chargesOfInvoice(deps, req.actor, req.params.id),
  );

  app.get('/api/v1/billing/approvals', { config: { access: 'billing:oversee' }, schema: { tags, summary: 'Automatic charges by state (waiting for approval unless told)', querystring: schemas.approvalsQuery, response: { 200: schemas.approvalList, ...problems(400, 401, 403) } } }, async (req) =>
    flows.listApprovals(deps, req.query.state),
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/billing/approvals/:id/${decision}`,
      { config: { access: 'billing:write' }, schema: { tags, summary: `${decision === 'approve' ? 'Approve' : 'Reject'} an automatic charge held for approval`, params: schemas.invoiceParams, response: { 200: schemas.autoChargeView, ...problems(401, 403, 404, 409) } } },
      async (req) => flows.decideApproval(deps, ctxOf(req), req.params.id, decision === 'approve'),
    );
  }

  app.get('/api/v1/billing/dunning', { config: { access: 'billing:oversee' }, schema: { tags, summary: 'Invoices in dunning by state (active unless told)', querystring: schemas.dunningQuery, response: { 200: schemas.dunningList, ...problems(400, 401, 403) } } }, async (req) =>
    flows.listDunning(deps, req.query.state),
  );

  app.post('/api/v1/billing/dunning/:id/stop', { config: { access: 'billing:write' }, schema: { tags, summary: 'Stop retrying; a person follows the invoice up', params: schemas.invoiceParams, response: { 200: schemas.dunningView, ...problems(401, 403, 404, 409) } } }, async (req) =>
    flows.stopDunning(deps, ctxOf(req), req.params.id),
  );
}
