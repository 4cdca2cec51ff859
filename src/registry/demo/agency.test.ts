import { describe, expect, it } from 'vitest';
import { ASSET_KINDS, BILLING_CYCLES, daysUntilRenewal } from '../assets.model.ts';
import { demoAgency, seededRng } from './agency.ts';

const now = new Date('2026-03-15T09:00:00Z');

describe('seededRng', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRng(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('demoAgency', () => {
  it('is a function of seed and now', () => {
    expect(demoAgency(1, now)).toEqual(demoAgency(1, now));
    expect(demoAgency(1, now)).not.toEqual(demoAgency(2, now));
    expect(demoAgency(1, now).assets.map((a) => a.identifier)).toEqual(demoAgency(1, new Date('2027-01-01T00:00:00Z')).assets.map((a) => a.identifier));
  });

  it('makes a dozen clients with 2–4 projects each and a few hundred assets of every kind and cycle', () => {
    const agency = demoAgency(1, now);
    expect(agency.clients).toHaveLength(12);
    for (const client of agency.clients) expect(client.projects.length).toBeGreaterThanOrEqual(2);
    for (const client of agency.clients) expect(client.projects.length).toBeLessThanOrEqual(4);
    expect(agency.assets.length).toBeGreaterThan(250);
    expect(agency.assets.length).toBeLessThan(350);
    expect(new Set(agency.assets.map((a) => a.kind))).toEqual(new Set(ASSET_KINDS));
    expect(new Set(agency.assets.map((a) => a.billingCycle))).toEqual(new Set(BILLING_CYCLES));
    expect(new Set(agency.assets.map((a) => a.status))).toEqual(new Set(['active', 'renewing', 'cancelled', 'retired']));
    expect(new Set(agency.clients.map((c) => c.currency))).toEqual(new Set(['SEK', 'EUR', 'DKK', 'GBP', 'CHF']));
  });

  // Every seed, not only the one the demo uses, so a change to the catalogues cannot quietly break the spread.
  it.each([1, 2, 3, 42, 2026])('spreads renewals over the next twelve months (seed %i)', (seed) => {
    const days = demoAgency(seed, now).assets.map((a) => daysUntilRenewal(a.expiresOn ?? null, now));
    const windows = new Set(days.filter((d): d is number => d !== null && d >= 0).map((d) => Math.floor(d / 30.5)));
    expect([...windows].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(days.filter((d) => d !== null && d < 0)).toHaveLength(6);
    expect(days.filter((d) => d !== null && d > 365)).toEqual([]);
    expect(days.filter((d) => d === null).length).toBeGreaterThan(2);
  });

  it('gives dates that are real calendar days, also from a leap day', () => {
    const leap = new Date('2028-02-29T23:59:59Z');
    for (const a of demoAgency(1, leap).assets) if (a.expiresOn) expect(a.expiresOn).toMatch(/^20(28|29)-\d\d-\d\d$/);
  });

  it('keeps references, identifiers and money consistent', () => {
    const agency = demoAgency(1, now);
    const projectsOf = new Map(agency.clients.map((c) => [c.key, new Set(c.projects.map((p) => p.key))]));
    const providers = new Set(agency.providers.map((p) => p.key));
    const users = new Set(agency.users.map((u) => u.key));
    const seen = new Set<string>();
    for (const a of agency.assets) {
      for (const key of a.projectKeys) expect(projectsOf.get(a.clientKey)?.has(key)).toBe(true);
      if (a.providerKey) expect(providers.has(a.providerKey)).toBe(true);
      if (a.ownerKey) expect(users.has(a.ownerKey)).toBe(true);
      const id = `${a.clientKey} ${a.kind} ${a.identifier}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      for (const amount of [a.costAmount, a.renewalAmount]) expect(Number.isSafeInteger(amount) && amount! >= 0).toBe(true);
      if (a.billingCycle === 'multi-year') expect(a.cycleMonths).toBeGreaterThan(12);
    }
    expect(agency.assets.some((a) => a.projectKeys.length >= 3)).toBe(true);
    expect(agency.assets.some((a) => a.ownerKey === null)).toBe(true);
    expect(agency.assets.filter((a) => a.kind === 'licence').every((a) => /^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/.test(a.secrets?.licenceKey ?? ''))).toBe(true);
  });

  it('uses only addresses that cannot reach anyone', () => {
    const agency = demoAgency(1, now);
    const emails = [...agency.users.map((u) => u.email), ...agency.clients.flatMap((c) => c.contacts.map((p) => p.email ?? ''))];
    for (const email of emails) expect(email).toMatch(/^[a-z.]+@[a-z-]+(\.[a-z-]+)*\.test$/);
    for (const a of agency.assets.filter((a) => a.kind === 'domain' || a.kind === 'certificate')) expect(a.identifier).toMatch(/\.(example|test)$/);
    expect(agency.users.map((u) => u.role).sort()).toEqual(['manager', 'manager', 'viewer']);
    expect(agency.users.every((u) => !('password' in u))).toBe(true);
  });
});
