import { describe, expect, it } from 'vitest';
import {
  checkAsset,
  findWaste,
  keptUntil,
  normalizeIdentifier,
  savingsByClient,
  type WasteDecision,
  type WasteFacts,
  type WasteItem,
} from './waste.model.ts';

const NOW = new Date('2026-11-21T12:00:00Z');
const liveDns = { delegated: true, a: ['192.0.2.10'], aaaa: [], mx: ['mail.example.se'] };

const asset = (fields: Partial<WasteFacts>): WasteFacts => ({
  assetId: 'ast_1',
  clientId: 'cli_a',
  kind: 'domain',
  identifier: 'example.se',
  createdAt: '2026-01-01T00:00:00.000Z',
  yearlyCost: { amount: 15_900, currency: 'SEK' },
  autoRenew: false,
  status: 'active',
  projects: [{ projectId: 'prj_live', archived: false }],
  dns: liveDns,
  page: { parked: false, evidence: [] },
  monitors: [],
  pointingDomains: null,
  ...fields,
});

const codes = (facts: WasteFacts) => checkAsset(facts).reasons.map((r) => r.code);

describe('checkAsset: domains', () => {
  it('finds nothing wrong with a delegated domain that has records and a real site', () => {
    expect(checkAsset(asset({}))).toEqual({ reasons: [], unknown: [] });
  });

  it('flags a domain its parent zone does not delegate', () => {
    const check = checkAsset(asset({ dns: { delegated: false, a: [], aaaa: [], mx: [] } }));
    expect(check.reasons).toEqual([{ code: 'domain-not-delegated', evidence: ['the parent zone delegates it to no name servers'] }]);
  });

  it('flags a delegated domain with no A, AAAA or MX records', () => {
    expect(codes(asset({ dns: { delegated: true, a: [], aaaa: [], mx: [] } }))).toEqual(['domain-no-records']);
    // Mail alone is use: a domain that only receives email is not waste.
    expect(codes(asset({ dns: { delegated: true, a: [], aaaa: [], mx: ['mx.example.se'] } }))).toEqual([]);
    expect(codes(asset({ dns: { delegated: true, a: [], aaaa: ['2001:db8::1'], mx: [] } }))).toEqual([]);
  });

  it('flags a parked domain with the page evidence', () => {
    const check = checkAsset(asset({ page: { parked: true, evidence: ['says the domain is for sale'] } }));
    expect(check.reasons).toEqual([{ code: 'domain-parked', evidence: ['says the domain is for sale'] }]);
  });

  it('says unknown, and flags nothing, when DNS and the page were not gathered', () => {
    expect(checkAsset(asset({ dns: null, page: null }))).toEqual({
      reasons: [],
      unknown: ['DNS: not looked up', 'web page: not fetched'],
    });
  });

  it('does not call a page unknown when DNS says the domain has no address to serve one from', () => {
    expect(checkAsset(asset({ dns: { delegated: true, a: [], aaaa: [], mx: [] }, page: null })).unknown).toEqual([]);
    expect(checkAsset(asset({ dns: { delegated: false, a: [], aaaa: [], mx: [] }, page: null })).unknown).toEqual([]);
    expect(checkAsset(asset({ page: null })).unknown).toEqual(['web page: not fetched']);
  });

  it('does not take empty answers for "no records" when the delegation lookup failed', () => {
    expect(checkAsset(asset({ dns: { delegated: null, a: [], aaaa: [], mx: [] } }))).toEqual({
      reasons: [],
      unknown: ['DNS delegation: lookup failed'],
    });
  });
});

describe('checkAsset: hosting', () => {
  const hosting = (fields: Partial<WasteFacts>) => asset({ kind: 'hosting', identifier: 'web1.host.example', dns: null, page: null, ...fields });

  it('flags hosting with no monitor up and no domain pointing at it', () => {
    expect(checkAsset(hosting({ pointingDomains: [] })).reasons).toEqual([
      { code: 'hosting-no-live-site', evidence: ['no monitor is linked', 'no domain points at its address'] },
    ]);
    expect(checkAsset(hosting({ pointingDomains: [], monitors: [{ up: false }] })).reasons[0]?.evidence[0]).toBe('none of its 1 monitors is up');
  });

  it('keeps hosting that serves a live site', () => {
    expect(codes(hosting({ pointingDomains: ['shop.example.se'] }))).toEqual([]);
    expect(codes(hosting({ pointingDomains: null, monitors: [{ up: false }, { up: true }] }))).toEqual([]);
  });

  it('says unknown when its address, and so the pointing domains, is unknown', () => {
    expect(checkAsset(hosting({ pointingDomains: null }))).toEqual({
      reasons: [],
      unknown: ['hosting address: unknown, so pointing domains were not checked'],
    });
  });
});

describe('checkAsset: licences, subscriptions and auto-renew', () => {
  const licence = (fields: Partial<WasteFacts>) => asset({ kind: 'licence', identifier: 'WPML-123', dns: null, page: null, ...fields });

  it('flags a licence or subscription linked to no active project', () => {
    expect(checkAsset(licence({ projects: [] })).reasons).toEqual([{ code: 'no-active-project', evidence: ['linked to no project'] }]);
    const archived = licence({ kind: 'subscription', projects: [{ projectId: 'prj_old', archived: true }] });
    expect(checkAsset(archived).reasons[0]).toEqual({ code: 'no-active-project', evidence: ['linked only to archived projects: prj_old'] });
    expect(codes(licence({ projects: [{ projectId: 'prj_old', archived: true }, { projectId: 'prj_live', archived: false }] }))).toEqual([]);
  });

  it('names projects in the evidence when their names are known', () => {
    const named = licence({ autoRenew: true, projects: [{ projectId: 'prj_old', name: 'Old campaign', archived: true }] });
    expect(checkAsset(named).reasons.map((r) => r.evidence)).toEqual([
      ['linked only to archived projects: "Old campaign"'],
      ['auto-renew is on, but its projects are archived: "Old campaign"'],
    ]);
  });

  it('does not ask domains to be linked to a project', () => {
    expect(codes(asset({ projects: [] }))).toEqual([]);
  });

  it('flags auto-renew left on for a retired project, for any kind', () => {
    const renewing = asset({ autoRenew: true, projects: [{ projectId: 'prj_old', archived: true }] });
    expect(checkAsset(renewing).reasons).toEqual([
      { code: 'auto-renew-retired-project', evidence: ['auto-renew is on, but its projects are archived: prj_old'] },
    ]);
    expect(codes(asset({ autoRenew: false, projects: [{ projectId: 'prj_old', archived: true }] }))).toEqual([]);
    expect(codes(asset({ autoRenew: true, projects: [] }))).toEqual([]);
  });

  it('says the saving is unknown when no price is recorded', () => {
    expect(checkAsset(licence({ yearlyCost: null })).unknown).toEqual(['yearly cost: no price recorded']);
  });
});

describe('normalizeIdentifier', () => {
  it('folds case, trailing dot, www., scheme, trailing slash and Unicode names', () => {
    expect(normalizeIdentifier(' WWW.Example.SE. ')).toBe('example.se');
    expect(normalizeIdentifier('https://www.example.se/')).toBe('example.se');
    expect(normalizeIdentifier('bücher.se')).toBe('xn--bcher-kva.se');
    expect(normalizeIdentifier('XN--BCHER-KVA.SE')).toBe('xn--bcher-kva.se');
  });

  it('keeps identifiers that are no host names as typed, lower-cased', () => {
    expect(normalizeIdentifier('Adobe CC Team')).toBe('adobe cc team');
  });
});

describe('findWaste', () => {
  const parked = { parked: true, evidence: ['says the domain is parked'] };

  it('lists only assets with a reason, with their yearly saving', () => {
    const items = findWaste([asset({ assetId: 'ast_ok' }), asset({ assetId: 'ast_parked', identifier: 'old.se', page: parked })], [], NOW);
    expect(items).toEqual([
      {
        assetId: 'ast_parked',
        clientId: 'cli_a',
        kind: 'domain',
        identifier: 'old.se',
        state: 'open',
        reasons: [{ code: 'domain-parked', evidence: ['says the domain is parked'] }],
        unknown: [],
        yearlySaving: { amount: 15_900, currency: 'SEK' },
      },
    ]);
  });

  it('ignores retired and cancelled assets', () => {
    expect(findWaste([asset({ status: 'retired', page: parked }), asset({ status: 'cancelled', page: parked })], [], NOW)).toEqual([]);
  });

  it('flags the later records of the same domain of one client, pointing at the first', () => {
    const first = asset({ assetId: 'ast_first', identifier: 'bücher.se', createdAt: '2025-03-01T00:00:00Z' });
    const second = asset({ assetId: 'ast_second', identifier: 'WWW.XN--BCHER-KVA.SE.', createdAt: '2026-02-01T00:00:00Z' });
    const third = asset({ assetId: 'ast_third', identifier: 'Bücher.se', createdAt: '2026-05-01T00:00:00Z' });
    const items = findWaste([third, second, first], [], NOW);
    expect(items.map((i) => [i.assetId, i.reasons[0]?.duplicateOf])).toEqual([
      ['ast_third', 'ast_first'],
      ['ast_second', 'ast_first'],
    ]);
    expect(items[1]?.reasons[0]?.evidence).toEqual(['the same domain as "bücher.se", recorded earlier']);
  });

  it('does not call records of different clients or different kinds duplicates', () => {
    const facts = [
      asset({ assetId: 'ast_a', clientId: 'cli_a' }),
      asset({ assetId: 'ast_b', clientId: 'cli_b' }),
      asset({ assetId: 'ast_h', kind: 'hosting', pointingDomains: ['example.se'] }),
    ];
    expect(findWaste(facts, [], NOW)).toEqual([]);
  });

  it('does not count a retired record as the first of a duplicate pair', () => {
    const facts = [asset({ assetId: 'ast_old', status: 'retired' }), asset({ assetId: 'ast_new', createdAt: '2026-06-01T00:00:00Z' })];
    expect(findWaste(facts, [], NOW)).toEqual([]);
  });
});

describe('findWaste: decisions', () => {
  const parkedDomain = asset({ assetId: 'ast_p', page: { parked: true, evidence: ['says the domain is for sale'] } });
  const keep = (decidedAt: string, keepForDays?: number): WasteDecision => ({ assetId: 'ast_p', decision: 'keep', decidedAt, keepForDays });

  it('silences a "keep" for 180 days by default, then flags the asset again', () => {
    const decided = '2026-06-01T12:00:00Z';
    expect(keptUntil(keep(decided))).toBe(Date.parse('2026-11-28T12:00:00Z'));
    expect(findWaste([parkedDomain], [keep(decided)], NOW)).toEqual([]);
    expect(findWaste([parkedDomain], [keep(decided)], new Date('2026-11-28T11:59:59Z'))).toEqual([]);
    expect(findWaste([parkedDomain], [keep(decided)], new Date('2026-11-28T12:00:00Z'))[0]?.state).toBe('open');
  });

  it('honours a shorter keep period', () => {
    expect(findWaste([parkedDomain], [keep('2026-11-01T12:00:00Z', 14)], NOW)[0]?.state).toBe('open');
    expect(findWaste([parkedDomain], [keep('2026-11-01T12:00:00Z', 30)], NOW)).toEqual([]);
  });

  it('keeps a decided cancel listed until the asset is retired, even once the reasons are gone', () => {
    const cancel: WasteDecision = { assetId: 'ast_p', decision: 'cancel', decidedAt: '2026-11-20T09:00:00Z' };
    expect(findWaste([parkedDomain], [cancel], NOW)[0]?.state).toBe('cancel-decided');
    const nowUsed = { ...parkedDomain, page: { parked: false, evidence: [] } };
    expect(findWaste([nowUsed], [cancel], NOW)).toMatchObject([{ assetId: 'ast_p', state: 'cancel-decided', reasons: [] }]);
    expect(findWaste([{ ...parkedDomain, status: 'retired' }], [cancel], NOW)).toEqual([]);
    // Deciding "cancel" sets the status to cancelled at once: the item must still be listed.
    expect(findWaste([{ ...parkedDomain, status: 'cancelled' }], [cancel], NOW)).toMatchObject([{ assetId: 'ast_p', state: 'cancel-decided' }]);
  });

  it('follows the most recent decision for an asset, whatever order they come in', () => {
    const cancel: WasteDecision = { assetId: 'ast_p', decision: 'cancel', decidedAt: '2026-10-01T09:00:00Z' };
    expect(findWaste([parkedDomain], [keep('2026-11-01T09:00:00Z'), cancel], NOW)).toEqual([]);
    expect(findWaste([parkedDomain], [cancel, keep('2026-09-01T09:00:00Z')], NOW)[0]?.state).toBe('cancel-decided');
  });
});

describe('savingsByClient', () => {
  const item = (clientId: string, yearlySaving: WasteItem['yearlySaving']): WasteItem => ({
    assetId: 'ast_x',
    clientId,
    kind: 'domain',
    identifier: 'x.se',
    state: 'open',
    reasons: [],
    unknown: [],
    yearlySaving,
  });

  it('totals each client per currency in exact minor units, never mixing currencies', () => {
    const items = [
      item('cli_b', { amount: 1_000, currency: 'JPY' }),
      item('cli_a', { amount: 15_900, currency: 'SEK' }),
      item('cli_a', { amount: 1_199, currency: 'EUR' }),
      item('cli_a', { amount: 101, currency: 'SEK' }),
      item('cli_a', { amount: 1, currency: 'EUR' }),
      item('cli_a', null),
    ];
    expect(savingsByClient(items)).toEqual([
      { clientId: 'cli_a', totals: [{ amount: 1_200, currency: 'EUR' }, { amount: 16_001, currency: 'SEK' }], unpriced: 1 },
      { clientId: 'cli_b', totals: [{ amount: 1_000, currency: 'JPY' }], unpriced: 0 },
    ]);
  });

  it('refuses a total too large to add exactly', () => {
    const huge = { amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' };
    expect(() => savingsByClient([item('cli_a', huge), item('cli_a', { amount: 1, currency: 'EUR' })])).toThrow(RangeError);
  });

  it('gives nothing for no items', () => {
    expect(savingsByClient([])).toEqual([]);
  });
});
