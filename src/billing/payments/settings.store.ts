import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { GatewayName } from './settings.model.ts';

/** Gateway credentials as stored: the plain settings and the sealed secrets. */
type Q = Kysely<Schema>;

export interface GatewayRecord {
  name: GatewayName;
  config: Record<string, unknown>;
  sealedSecrets: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function findGateway(db: Q, name: GatewayName): Promise<GatewayRecord | null> {
  const row = await db.selectFrom('billing_gateways').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? { name, config: JSON.parse(row.config) as Record<string, unknown>, sealedSecrets: row.sealed_secrets, createdAt: row.created_at, updatedAt: row.updated_at } : null;
}

export async function saveGateway(db: Q, g: GatewayRecord): Promise<void> {
  const values = { config: JSON.stringify(g.config), sealed_secrets: g.sealedSecrets, updated_at: g.updatedAt };
  await db
    .insertInto('billing_gateways')
    .values({ name: g.name, ...values, created_at: g.createdAt })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

export async function deleteGateway(db: Q, name: GatewayName): Promise<void> {
  await db.deleteFrom('billing_gateways').where('name', '=', name).execute();
}
