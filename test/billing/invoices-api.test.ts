import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { auditActions, draft, fieldsOf, issued, line, newClient, ok } from './invoices-helpers.ts';

let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  // 23:30 UTC is already the 22nd in Stockholm: the issue date is the agency's date.
  t.clock.now = new Date('2026-11-21T23:30:00.000Z');
  a = await seedAgency(t);
  await ok(t, 'PATCH', '/api/v1/agency', a.owner.token, { timeZone: 'Europe/Stockholm', name: 'Web Agency AB' });
});
afterAll(async () => t?.close());

const VAT25 = { name: 'VAT 25 %', basisPoints: 2500 };

describe('numbering', () => {
  it('issues drafts in order as 2026-0001, 2026-0002, dated today in the agency zone, due after the terms', async () => {
    const first = await draft(t, a.owner.token, a.clientA);
    expect(first).toMatchObject({ id: expect.stringMatching(/^inv_/), number: null, state: 'draft', issuedOn: null, currency: 'EUR' });
    const second = await draft(t, a.admin.token, a.clientA);
    const one = await ok(t, 'POST', `/api/v1/invoices/${first.id}/issue`, a.owner.token);
    const two = await ok(t, 'POST', `/api/v1/invoices/${second.id}/issue`, a.admin.token);
    expect(one).toMatchObject({ number: '2026-0001', state: 'open', issuedOn: '2026-11-22', dueOn: '2026-12-06', amountDue: 10_000 });
    expect(one.seller).toEqual({ name: 'Web Agency AB', address: [], vatNumber: null, registrationNumber: null, email: null });
    expect(one.buyer).toMatchObject({ name: 'Client A', clientId: a.clientA });
    expect(two.number).toBe('2026-0002');
    expect(await auditActions(t, first.id)).toEqual(['invoice.created', 'invoice.issued']);
  });

  it('leaves no gap after an issue that fails inside its transaction', async () => {
    const gone = await newClient(t, a.owner.token, 'Leaving client');
    const doomed = await draft(t, a.owner.token, gone);
    expect((await t.request('DELETE', `/api/v1/clients/${gone}`, { token: a.owner.token })).status).toBeLessThan(300);
    const refused = await t.request('POST', `/api/v1/invoices/${doomed.id}/issue`, { token: a.owner.token });
    expect(refused.status, refused.text).toBe(409);
    expect((await ok(t, 'GET', `/api/v1/invoices/${doomed.id}`, a.owner.token)).state).toBe('draft');
    expect((await issued(t, a.owner.token, a.clientA)).number).toBe('2026-0003');
  });

  it('refuses to issue twice or to edit what is issued, listing the allowed moves', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA);
    const again = await t.request('POST', `/api/v1/invoices/${invoice.id}/issue`, { token: a.owner.token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ state: 'open', allowedMoves: ['partially-paid', 'paid', 'void', 'uncollectible'] });
    const edit = await t.request('PATCH', `/api/v1/invoices/${invoice.id}`, { token: a.owner.token, body: { notes: 'late' } });
    expect(edit.status).toBe(409);
  });
});

describe('totals', () => {
  it('rounds tax once per rate in EUR', async () => {
    const d = await draft(t, a.owner.token, a.clientA, [
      line(333, { quantity: 3000, taxRate: { name: 'BTW 21 %', basisPoints: 2100 } }),
      line(1999, { quantity: 1500, taxRate: { name: 'BTW 21 %', basisPoints: 2100 } }),
      line(500, { taxRate: { name: 'BTW 9 %', basisPoints: 900 } }),
    ]);
    expect(d.lines.map((l: { net: number }) => l.net)).toEqual([999, 2999, 500]);
    expect(d.totals).toMatchObject({ subtotal: 4498, tax: 885, total: 5383, reverseCharge: false });
    expect(d.totals.taxes).toEqual([
      { rate: { name: 'BTW 21 %', basisPoints: 2100 }, base: 3998, tax: 840 },
      { rate: { name: 'BTW 9 %', basisPoints: 900 }, base: 500, tax: 45 },
    ]);
  });

  it("takes the SEK client's currency and default rate from its profile; null means untaxed", async () => {
    await ok(t, 'PUT', `/api/v1/clients/${a.clientB}/billing-profile`, a.admin.token, { taxRate: { name: 'Moms 25 %', basisPoints: 2500 } });
    const d = await draft(t, a.owner.token, a.clientB, [line(1999), line(10_000, { taxRate: null })]);
    expect(d.currency).toBe('SEK');
    expect(d.lines[0].taxRate).toEqual({ name: 'Moms 25 %', basisPoints: 2500 });
    expect(d.lines[1].taxRate).toBeNull();
    expect(d.totals).toMatchObject({ subtotal: 11_999, tax: 500, total: 12_499 });
  });

  it('works in whole yen', async () => {
    const tax = { name: '消費税 10 %', basisPoints: 1000 };
    const d = await draft(t, a.owner.token, a.clientA, [line(1000, { taxRate: tax }), line(333, { quantity: 2500, taxRate: tax })], { currency: 'JPY' });
    expect(d.totals).toMatchObject({ currency: 'JPY', subtotal: 1833, tax: 183, total: 2016 });
  });

  it('charges no tax under reverse charge from the profile, keeping the rate on the lines and the VAT number on the buyer', async () => {
    const eu = await newClient(t, a.owner.token, 'EU client GmbH');
    const profile = await ok(t, 'PUT', `/api/v1/clients/${eu}/billing-profile`, a.owner.token, { taxRate: VAT25, reverseCharge: true, vatNumber: 'DE123456789', address: ['Hauptstr. 1', 'Berlin'] });
    expect(profile).toMatchObject({ reverseCharge: true, paymentTermsDays: 14, invoiceDaysBefore: 30 });
    const d = await draft(t, a.owner.token, eu, [line(10_000)]);
    expect(d.totals).toMatchObject({ subtotal: 10_000, tax: 0, total: 10_000, reverseCharge: true, taxes: [] });
    expect(d.lines[0].taxRate).toEqual(VAT25);
    expect(d.buyer).toMatchObject({ vatNumber: 'DE123456789', address: ['Hauptstr. 1', 'Berlin'] });
  });

  it('recomputes a draft when its lines change, audited', async () => {
    const d = await draft(t, a.owner.token, a.clientA);
    const changed = await ok(t, 'PATCH', `/api/v1/invoices/${d.id}`, a.owner.token, { lines: [line(2000, { taxRate: VAT25 })], notes: 'Thanks' });
    expect(changed.totals).toMatchObject({ subtotal: 2000, tax: 500, total: 2500 });
    expect(changed.notes).toBe('Thanks');
    expect(await auditActions(t, d.id)).toEqual(['invoice.created', 'invoice.updated']);
  });
});

describe('payments and states', () => {
  it('goes partially paid, then paid, and refuses a payment on a paid invoice', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(10_000, { taxRate: VAT25 })]);
    const part = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.admin.token, { amount: 5000, receivedAt: '2026-11-23T10:00:00Z' });
    expect(part.payment).toMatchObject({ amount: 5000, currency: 'EUR', kind: 'payment', receivedAt: '2026-11-23T10:00:00Z' });
    expect(part.invoice).toMatchObject({ state: 'partially-paid', paid: 5000, amountDue: 7500 });
    const rest = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.admin.token, { amount: 7500 });
    expect(rest.invoice).toMatchObject({ state: 'paid', paid: 12_500, amountDue: 0 });
    const more = await t.request('POST', `/api/v1/invoices/${invoice.id}/payments`, { token: a.admin.token, body: { amount: 1 } });
    expect(more.status).toBe(409);
    expect(more.body.allowedMoves).toEqual([]);
    expect(await auditActions(t, invoice.id)).toEqual(['invoice.created', 'invoice.issued', 'invoice.payment-recorded', 'invoice.payment-recorded']);
  });

  it('voids an open invoice or a draft, never a paid or partially paid one', async () => {
    const open = await issued(t, a.owner.token, a.clientA);
    expect((await ok(t, 'POST', `/api/v1/invoices/${open.id}/void`, a.owner.token)).state).toBe('void');
    const d = await draft(t, a.owner.token, a.clientA);
    expect((await ok(t, 'POST', `/api/v1/invoices/${d.id}/void`, a.owner.token)).state).toBe('void');
    const partly = await issued(t, a.owner.token, a.clientA);
    await ok(t, 'POST', `/api/v1/invoices/${partly.id}/payments`, a.owner.token, { amount: 100 });
    const refused = await t.request('POST', `/api/v1/invoices/${partly.id}/void`, { token: a.owner.token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ state: 'partially-paid', allowedMoves: ['paid', 'uncollectible'] });
    const again = await t.request('POST', `/api/v1/invoices/${open.id}/void`, { token: a.owner.token });
    expect(again.body).toMatchObject({ status: 409, state: 'void', allowedMoves: [] });
    expect((await t.request('POST', `/api/v1/invoices/${open.id}/payments`, { token: a.owner.token, body: { amount: 100 } })).status).toBe(409);
  });

  it('writes an invoice off, and a late payment still settles it', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA);
    expect((await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/uncollectible`, a.owner.token)).state).toBe('uncollectible');
    const late = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.owner.token, { amount: 10_000 });
    expect(late.invoice.state).toBe('paid');
  });
});

describe('credit notes', () => {
  it('numbers credit notes in their own series and lowers what is owed', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(10_000, { taxRate: VAT25 }), line(2000, { quantity: 2000, taxRate: VAT25 })]);
    expect(invoice.totals.total).toBe(17_500);
    const first = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, a.owner.token, { lines: [{ position: 2, quantity: 1000 }], notes: 'One licence fewer' });
    expect(first.creditNote).toMatchObject({ kind: 'credit-note', number: 'CN-2026-0001', correcting: invoice.number, state: 'paid', issuedOn: '2026-11-22', amountDue: 0 });
    expect(first.creditNote.totals).toMatchObject({ subtotal: -2000, tax: -500, total: -2500 });
    expect(first.invoice).toMatchObject({ state: 'open', amountDue: 15_000 });
    const over = await t.request('POST', `/api/v1/invoices/${invoice.id}/credit-notes`, { token: a.owner.token, body: {} });
    expect(over.status).toBe(400);
    expect(fieldsOf(over.body)).toEqual(['body.lines']);
    const rest = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, a.owner.token, { lines: [{ position: 1 }, { position: 2, quantity: 1000 }] });
    expect(rest.creditNote.number).toBe('CN-2026-0002');
    expect(rest.invoice).toMatchObject({ state: 'paid', amountDue: 0 });
    // The invoice series is untouched by credit notes.
    expect((await issued(t, a.owner.token, a.clientA)).number).toMatch(/^2026-\d{4}$/);
    expect(await auditActions(t, first.creditNote.id)).toEqual(['credit-note.issued']);
    expect(await auditActions(t, invoice.id)).toEqual(['invoice.created', 'invoice.issued', 'invoice.credited', 'invoice.credited']);
  });

  it('credits only issued invoices, and only lines they have', async () => {
    const d = await draft(t, a.owner.token, a.clientA);
    expect((await t.request('POST', `/api/v1/invoices/${d.id}/credit-notes`, { token: a.owner.token, body: {} })).status).toBe(409);
    const invoice = await issued(t, a.owner.token, a.clientA);
    const missing = await t.request('POST', `/api/v1/invoices/${invoice.id}/credit-notes`, { token: a.owner.token, body: { lines: [{ position: 7 }] } });
    expect(fieldsOf(missing.body)).toEqual(['body.lines.0.position']);
    const tooMany = await t.request('POST', `/api/v1/invoices/${invoice.id}/credit-notes`, { token: a.owner.token, body: { lines: [{ position: 1, quantity: 2000 }] } });
    expect(fieldsOf(tooMany.body)).toEqual(['body.lines.0.quantity']);
  });
});

describe('client isolation', () => {
  it("shows a portal user its own client's issued invoices only", async () => {
    const own = await issued(t, a.owner.token, a.clientA);
    const ownDraft = await draft(t, a.owner.token, a.clientA);
    const other = await issued(t, a.owner.token, a.clientB);
    const list = await ok(t, 'GET', '/api/v1/invoices?limit=200', a.clientUser.token);
    const ids = list.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(ownDraft.id);
    expect(ids).not.toContain(other.id);
    expect(list.items.every((i: { clientId: string; state: string }) => i.clientId === a.clientA && i.state !== 'draft')).toBe(true);
    expect((await ok(t, 'GET', `/api/v1/invoices/${own.id}`, a.clientUser.token)).number).toBe(own.number);
    expect((await t.request('GET', `/api/v1/invoices/${ownDraft.id}`, { token: a.clientUser.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/invoices/${other.id}`, { token: a.clientUser.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/invoices/${own.id}`, { token: a.outsider.token })).status).toBe(404);
    // Even a filter naming another client shows nothing of it.
    const filtered = await ok(t, 'GET', `/api/v1/invoices?clientId=${a.clientB}`, a.clientUser.token);
    expect(filtered.items).toEqual([]);
    expect((await t.request('GET', `/api/v1/clients/${a.clientB}/billing-profile`, { token: a.clientUser.token })).status).toBe(404);
    expect((await t.request('POST', `/api/v1/invoices/${own.id}/payments`, { token: a.clientUser.token, body: { amount: 1 } })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/invoices', { token: a.viewer.token })).status).toBe(403);
  });

  it('lists by state and client, a page at a time', async () => {
    const c = await newClient(t, a.owner.token, 'Paged client');
    for (let i = 0; i < 3; i++) await issued(t, a.owner.token, c);
    const first = await ok(t, 'GET', `/api/v1/invoices?clientId=${c}&state=open&limit=2`, a.manager.token);
    expect(first.items).toHaveLength(2);
    const second = await ok(t, 'GET', `/api/v1/invoices?clientId=${c}&state=open&limit=2&cursor=${first.nextCursor}`, a.manager.token);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i: { id: string }) => i.id)).size).toBe(3);
    expect((await t.request('GET', '/api/v1/invoices?cursor=garbage', { token: a.owner.token })).status).toBe(400);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['no lines', { lines: [] }, 'body.lines'],
    ['a fractional quantity', { lines: [line(100, { quantity: 1.5 })] }, 'body.lines.0.quantity'],
    ['a fractional price', { lines: [line(10.5)] }, 'body.lines.0.unitPrice'],
    ['an unknown currency', { currency: 'EURO' }, 'body.currency'],
    ['a tax rate over 100 %', { lines: [line(100, { taxRate: { name: 'Too much', basisPoints: 20_000 } })] }, 'body.lines.0.taxRate.basisPoints'],
    ['an amount too large to keep exact', { lines: [line(1_000_000_000_000, { quantity: 1_000_000_000_000 })] }, 'body.lines.0'],
    ['an unknown client', { clientId: 'cli_nobody' }, 'body.clientId'],
    ['an asset that is not the client\'s', { lines: [line(100, { assetId: 'ast_nothing' })] }, 'body.lines.0.assetId'],
    ['a period date that is not a date', { lines: [line(100, { periodFrom: '2026-13-01' })] }, 'body.lines.0.periodFrom'],
  ];
  for (const [label, patch, field] of cases) {
    it(`refuses ${label} with a 400 naming ${field}`, async () => {
      const res = await t.request('POST', '/api/v1/invoices', { token: a.owner.token, body: { clientId: a.clientA, lines: [line(100)], ...patch } });
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
    });
  }

  it('refuses bad payments and profiles naming the field', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA);
    const zero = await t.request('POST', `/api/v1/invoices/${invoice.id}/payments`, { token: a.owner.token, body: { amount: 0 } });
    expect(fieldsOf(zero.body)).toEqual(['body.amount']);
    const currency = await t.request('POST', `/api/v1/invoices/${invoice.id}/payments`, { token: a.owner.token, body: { amount: 100, currency: 'SEK' } });
    expect(currency.status).toBe(400);
    expect(fieldsOf(currency.body)).toEqual(['body.currency']);
    const profile = await t.request('PUT', `/api/v1/clients/${a.clientA}/billing-profile`, { token: a.owner.token, body: { paymentTermsDays: -1 } });
    expect(fieldsOf(profile.body)).toEqual(['body.paymentTermsDays']);
    expect((await t.request('GET', '/api/v1/invoices/inv_nothing', { token: a.owner.token })).status).toBe(404);
  });
});

describe('billing profiles', () => {
  it('gives the defaults until saved, then the saved profile, audited', async () => {
    const c = await newClient(t, a.owner.token, 'Profiled client');
    expect(await ok(t, 'GET', `/api/v1/clients/${c}/billing-profile`, a.manager.token)).toMatchObject({
      taxRate: null,
      reverseCharge: false,
      invoiceDaysBefore: 30,
      paymentTermsDays: 14,
      approvalThreshold: null,
      createdAt: null,
    });
    await ok(t, 'PUT', `/api/v1/clients/${c}/billing-profile`, a.owner.token, { paymentTermsDays: 30, approvalThreshold: { amount: 100_000, currency: 'EUR' } });
    await ok(t, 'PUT', `/api/v1/clients/${c}/billing-profile`, a.owner.token, { paymentTermsDays: 10 });
    const saved = await ok(t, 'GET', `/api/v1/clients/${c}/billing-profile`, a.manager.token);
    expect(saved).toMatchObject({ paymentTermsDays: 10, approvalThreshold: null });
    expect(await auditActions(t, c)).toContain('billing-profile.updated');
    const invoice = await issued(t, a.owner.token, c);
    expect(invoice.dueOn).toBe('2026-12-02');
    expect((await t.request('PUT', `/api/v1/clients/${c}/billing-profile`, { token: a.manager.token, body: {} })).status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the invoice and billing profile routes', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status, res.text).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/v1/invoices', '/api/v1/invoices/{id}', '/api/v1/invoices/{id}/issue', '/api/v1/invoices/{id}/credit-notes', '/api/v1/clients/{id}/billing-profile']) expect(paths).toContain(p);
  });
});
