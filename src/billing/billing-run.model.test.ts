import { describe, expect, it } from 'vitest';
import { chargeDate, needsApproval, renewalKey, renewalsToInvoice, type BillableRenewal } from './billing-run.model.ts';

const renewal = (over: Partial<BillableRenewal>): BillableRenewal => ({
  assetId: 'ast_1',
  assetName: 'shop.example',
  clientId: 'cli_a',
  expiresOn: '2026-12-10',
  billingCycle: 'yearly',
  cycleMonths: null,
  price: { amount: 1_500, currency: 'EUR' },
  status: 'active',
  autoRenew: false,
  ...over,
});
const policy = () => ({ daysBefore: 30 });

describe('a billing run', () => {
  it('invoices a renewal within the lead time, for the next period', () => {
    const [draft] = renewalsToInvoice([renewal({})], policy, '2026-11-10', new Set());
    expect(draft).toEqual({
      clientId: 'cli_a',
      currency: 'EUR',
      autoCharge: false,
      lines: [{ key: 'renewal:ast_1:2026-12-10', assetId: 'ast_1', description: 'shop.example', periodFrom: '2026-12-10', periodTo: '2027-12-09', unitPrice: 1_500 }],
    });
  });

  it('waits until the lead time begins', () => {
    expect(renewalsToInvoice([renewal({})], policy, '2026-11-09', new Set())).toEqual([]);
  });

  it('invoices each renewal once', () => {
    expect(renewalsToInvoice([renewal({})], policy, '2026-11-20', new Set([renewalKey('ast_1', '2026-12-10')]))).toEqual([]);
  });

  it('groups per client and currency, lines by period start', () => {
    const drafts = renewalsToInvoice(
      [
        renewal({ assetId: 'ast_2', assetName: 'b.example', expiresOn: '2026-12-01' }),
        renewal({ assetId: 'ast_1', assetName: 'a.example', expiresOn: '2026-11-25', billingCycle: 'monthly' }),
        renewal({ assetId: 'ast_3', price: { amount: 9_900, currency: 'SEK' } }),
        renewal({ assetId: 'ast_4', clientId: 'cli_b' }),
      ],
      policy,
      '2026-11-20',
      new Set(),
    );
    expect(drafts.map((d) => [d.clientId, d.currency, d.lines.map((l) => l.assetId)])).toEqual([
      ['cli_a', 'EUR', ['ast_1', 'ast_2']],
      ['cli_a', 'SEK', ['ast_3']],
      ['cli_b', 'EUR', ['ast_4']],
    ]);
    expect(drafts[0]!.lines[0]).toMatchObject({ periodFrom: '2026-11-25', periodTo: '2026-12-24' });
  });

  it('ends a month-end period on the day before the clamped next renewal', () => {
    const [draft] = renewalsToInvoice([renewal({ expiresOn: '2027-01-31', billingCycle: 'monthly' })], policy, '2027-01-10', new Set());
    expect(draft!.lines[0]).toMatchObject({ periodFrom: '2027-01-31', periodTo: '2027-02-27' });
  });

  it('skips retired, unpriced and one-off assets, and renewals long past', () => {
    const skipped = [
      renewal({ status: 'retired' }),
      renewal({ status: 'cancelled' }),
      renewal({ price: null }),
      renewal({ billingCycle: 'one-off' }),
      renewal({ expiresOn: '2026-10-01' }),
    ];
    expect(renewalsToInvoice(skipped, policy, '2026-11-20', new Set())).toEqual([]);
    // A renewal missed by a few days (the service was down) is still invoiced.
    expect(renewalsToInvoice([renewal({ expiresOn: '2026-11-15' })], policy, '2026-11-20', new Set())).toHaveLength(1);
  });
});

describe('approval of automatic charges', () => {
  it('holds a charge above the threshold, or in a currency the threshold is not in', () => {
    expect(needsApproval({ amount: 50_000, currency: 'EUR' }, null)).toBe(false);
    expect(needsApproval({ amount: 50_000, currency: 'EUR' }, { amount: 50_000, currency: 'EUR' })).toBe(false);
    expect(needsApproval({ amount: 50_001, currency: 'EUR' }, { amount: 50_000, currency: 'EUR' })).toBe(true);
    expect(needsApproval({ amount: 100, currency: 'SEK' }, { amount: 50_000, currency: 'EUR' })).toBe(true);
  });
});

describe('automatic charges in a billing run', () => {
  it('puts auto-renewing services on an invoice of their own', () => {
    const drafts = renewalsToInvoice([renewal({ assetId: 'ast_1', autoRenew: true }), renewal({ assetId: 'ast_2' })], policy, '2026-11-20', new Set());
    expect(drafts.map((d) => [d.autoCharge, d.lines.map((l) => l.assetId)])).toEqual([
      [true, ['ast_1']],
      [false, ['ast_2']],
    ]);
  });

  it('charges on the due date, before the earliest renewal, never in the past', () => {
    expect(chargeDate('2026-11-24', '2026-12-10', '2026-11-10')).toBe('2026-11-24');
    expect(chargeDate('2026-12-20', '2026-12-10', '2026-11-10')).toBe('2026-12-09');
    expect(chargeDate('2026-11-24', '2026-11-20', '2026-11-21')).toBe('2026-11-21');
  });
});
