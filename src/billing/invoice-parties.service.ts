import { readAgency } from '../accounts/agency.ts';
import type { Deps } from '../platform/deps.ts';
import { findClient } from '../registry/parties.store.ts';
import { invoiceParties, type InvoiceParties } from './invoice-parties.model.ts';
import { profileOf } from './profiles.service.ts';
import type { BillingProfile } from './profiles.store.ts';
import { readSellerDetails } from './seller/seller.service.ts';

/**
 * The parties of a client's invoice as the settings describe them now: what a draft shows, and
 * what issuing keeps. Reads through deps.database, so issuing calls it BEFORE its transaction (on
 * SQLite the transaction holds the only connection). A caller that has the client's profile
 * already passes it.
 */
export async function currentParties(deps: Deps, clientId: string, profile?: BillingProfile): Promise<InvoiceParties> {
  const [seller, agency, client, buyerProfile] = await Promise.all([
    readSellerDetails(deps),
    readAgency(deps),
    findClient(deps.database.db, clientId),
    profile ?? profileOf(deps, clientId),
  ]);
  return invoiceParties({ seller, agency, client, profile: buyerProfile });
}
