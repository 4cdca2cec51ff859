/**
 * The shapes the API answers with, taken from the server's own types (type-only imports: nothing
 * of the server ends up in the browser bundle except the pure lists of kinds and statuses).
 */
export type { Money } from '../../../src/platform/money.ts';
export type { Role, User } from '../../../src/accounts/model.ts';
export type { Client, Project } from '../../../src/registry/clients.model.ts';
export type { AssetView as Asset } from '../../../src/registry/assets.view.ts';
export type { Attention } from '../../../src/registry/attention.store.ts';
export { ASSET_KINDS, ASSET_STATUSES, BILLING_CYCLES } from '../../../src/registry/assets.model.ts';
