import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { TaxRate } from './invoice.model.ts';

/** A client's billing profile: one row per client, absent until first saved. */
type Q = Kysely<Schema>;

export interface BillingProfile {
  clientId: string;
  /** The rate a line takes unless it names its own; null: lines are not taxed. */
  taxRate: TaxRate | null;
  /** The buyer accounts for the tax (EU B2B across borders): invoices carry none. */
  reverseCharge: boolean;
  vatNumber: string | null;
  address: string[];
  /** How many days before a renewal the billing run invoices it. */
  invoiceDaysBefore: number;
  /** Billing-run invoices above this total wait for a person's approval; null: never. */
  approvalThreshold: { amount: number; currency: string } | null;
  paymentTermsDays: number;
  createdAt: string | null;
  updatedAt: string | null;
}

/** What a client without a saved profile is invoiced with. */
export function defaultProfile(clientId: string): BillingProfile {
  return { clientId, taxRate: null, reverseCharge: false, vatNumber: null, address: [], invoiceDaysBefore: 30, approvalThreshold: null, paymentTermsDays: 14, createdAt: null, updatedAt: null };
}

function toProfile(row: Row<'billing_profiles'>): BillingProfile {
  return {
    clientId: row.client_id,
    taxRate: row.tax_name !== null && row.tax_basis_points !== null ? { name: row.tax_name, basisPoints: Number(row.tax_basis_points) } : null,
    reverseCharge: Boolean(Number(row.reverse_charge)),
    vatNumber: row.vat_number,
    address: JSON.parse(row.address) as string[],
    invoiceDaysBefore: Number(row.invoice_days_before),
    approvalThreshold:
      row.approval_threshold_amount !== null && row.approval_threshold_currency !== null
        ? { amount: Number(row.approval_threshold_amount), currency: row.approval_threshold_currency }
        : null,
    paymentTermsDays: Number(row.payment_terms_days),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findProfile(db: Q, clientId: string): Promise<BillingProfile | null> {
  const row = await db.selectFrom('billing_profiles').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return row ? toProfile(row) : null;
}

export async function saveProfile(db: Q, p: BillingProfile & { createdAt: string; updatedAt: string }): Promise<void> {
  const columns = {
    tax_name: p.taxRate?.name ?? null,
    tax_basis_points: p.taxRate?.basisPoints ?? null,
    reverse_charge: p.reverseCharge ? 1 : 0,
    vat_number: p.vatNumber,
    address: JSON.stringify(p.address),
    invoice_days_before: p.invoiceDaysBefore,
    approval_threshold_amount: p.approvalThreshold?.amount ?? null,
    approval_threshold_currency: p.approvalThreshold?.currency ?? null,
    payment_terms_days: p.paymentTermsDays,
    updated_at: p.updatedAt,
  };
  await db
    .insertInto('billing_profiles')
    .values({ client_id: p.clientId, ...columns, created_at: p.createdAt })
    .onConflict((oc) => oc.column('client_id').doUpdateSet(columns))
    .execute();
}
