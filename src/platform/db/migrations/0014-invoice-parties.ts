import type { Kysely } from 'kysely';

/**
 * Who an issued invoice is from and to, as it was on the day it was issued.
 *
 * - `invoices.seller_party`: JSON of the seller as printed (name, address, VAT and registration
 *   numbers, billing email) and the bank account it asked to be paid into.
 * - `invoices.buyer_party`: JSON of the buyer as printed (name, address, VAT number) and the
 *   language the document is written in.
 *
 * Both are written when an invoice or credit note is issued and never again, so a later change to
 * the seller details or a client's billing profile does not change an invoice already issued.
 * Null on drafts (they show the current details) and on invoices issued before this migration,
 * which keep showing the current details: there is no record of what they showed then.
 * Text in both databases, like the other JSON columns; one column per statement for SQLite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('seller_party', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('buyer_party', 'text').execute();
}
