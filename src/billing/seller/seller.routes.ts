import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import type { SellerDetails } from './seller.model.ts';
import * as schemas from './seller.schemas.ts';
import * as service from './seller.service.ts';

const tags = ['billing'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/** The agency's own details on its invoices: owners and admins only (billing:write), like the payment settings. */
export function sellerRoutes(app: App, deps: Deps): void {
  const access = { access: 'billing:write' } as const;
  app.get('/api/v1/billing/seller', { config: access, schema: { tags, summary: 'The seller details invoices print', response: { 200: schemas.sellerView, ...problems(401, 403) } } }, async () => service.sellerView(deps));

  app.put(
    '/api/v1/billing/seller',
    { config: access, schema: { tags, summary: 'Set the seller details: legal name, address, VAT number, bank account', body: schemas.sellerBody, response: { 200: schemas.sellerView, ...problems(400, 401, 403, 413, 415) } } },
    async (req) => service.saveSellerDetails(deps, ctxOf(req), req.body as SellerDetails),
  );
}
