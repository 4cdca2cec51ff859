import { z } from 'zod';

/** Request and response shape of the seller details (GET/PUT /billing/seller). */
const optionalText = (max: number) => z.string().max(max, `can be at most ${max} characters`).nullable().default(null);

export const sellerBody = z
  .strictObject({
    legalName: optionalText(200).describe('Printed as the seller; the agency name when empty'),
    address: z.array(z.string().max(120, 'can be at most 120 characters')).max(6, 'can have at most 6 lines').default([]).describe('Address lines as printed'),
    vatNumber: optionalText(40).describe('With its country prefix, such as SE556677889901'),
    registrationNumber: optionalText(60),
    email: z.union([z.email('must be an email address').max(254), z.literal(''), z.null()]).default(null).describe('Where clients write about invoices'),
    accountHolder: optionalText(200).describe('The account holder; the seller name when empty'),
    iban: optionalText(50).describe('Checked by its check digits; spaces allowed'),
    bic: optionalText(20),
    paymentInstructions: optionalText(500).describe('How to pay by transfer where there is no IBAN'),
  })
  .meta({ id: 'SellerDetails', description: 'The agency as the seller on its invoices' });

export const sellerView = z.object({
  legalName: z.string().nullable(),
  address: z.array(z.string()),
  vatNumber: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  email: z.string().nullable(),
  accountHolder: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  paymentInstructions: z.string().nullable(),
  agencyName: z.string().describe('Printed as the seller while the legal name is empty'),
}).meta({ id: 'SellerDetailsView' });
