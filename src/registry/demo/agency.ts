/**
 * The demo agency: a dozen fictional clients with their projects, the providers they buy from and
 * a few hundred renewable assets of every kind. A pure function of (seed, now) with its own small
 * PRNG, so the same seed and day always give the same agency and tests can count on it.
 * Names are made up; every address is under `.example` or `.test`, so nothing here is reachable.
 */
import type { Contact, ProviderKind } from '../clients.model.ts';
import type { AssetKind, BillingCycle } from '../assets.model.ts';
import { dateAfterDays } from '../assets.model.ts';
import type { AssetInput } from '../assets.rules.ts';
import { minorDigits } from '../../platform/money.ts';
import { BACKUP_STORAGE, CLIENTS, HOSTING, LICENCES, MANAGERS, OTHERS, product, PROVIDERS, SUBSCRIPTIONS, USERS, type ClientSpec, type Product } from './catalogue.ts';

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: 'manager' | 'viewer';
  locale: string;
  timeZone: string;
}
export interface DemoProvider {
  key: string;
  name: string;
  kind: ProviderKind;
  website: string;
  accountReference: string | null;
}
export interface DemoProject {
  key: string;
  name: string;
  managerKey: string | null;
}
export interface DemoClient {
  key: string;
  name: string;
  locale: string;
  currency: string;
  contacts: Contact[];
  notes: string;
  projects: DemoProject[];
}
/** An asset as the services take it, with references by demo key instead of database id. */
export interface DemoAsset extends Omit<AssetInput, 'clientId' | 'providerId' | 'ownerId' | 'projectIds'> {
  clientKey: string;
  providerKey: string | null;
  ownerKey: string | null;
  projectKeys: string[];
}
export interface DemoAgency {
  users: DemoUser[];
  providers: DemoProvider[];
  clients: DemoClient[];
  assets: DemoAsset[];
}

// --- A small seeded PRNG (mulberry32): the same seed always gives the same sequence. ---
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const sample = <T>(rng: Rng, items: readonly T[], n: number) => shuffle(rng, items).slice(0, n);
const code = (rng: Rng, length: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789') =>
  Array.from({ length }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');

// --- Who works at the agency. No passwords: nobody can sign in as a demo user. ---
/** Rough euro rates, so a SEK client's prices look like SEK prices. Display realism only. */
const PER_EURO: Record<string, number> = { EUR: 1, GBP: 0.85, CHF: 0.95, SEK: 11, DKK: 7.5 };

/** A price between two euro amounts, in the client's currency's minor units, at a price point people use (149 kr, 14.99 €). */
function price(rng: Rng, minEuro: number, maxEuro: number, currency: string): number {
  const major = (minEuro + rng() * (maxEuro - minEuro)) * (PER_EURO[currency] ?? 1);
  const unit = 10 ** minorDigits(currency);
  if (currency === 'SEK' || currency === 'DKK') return (Math.max(1, Math.round(major / 10)) * 10 - 1) * unit;
  return Math.max(1, Math.round(major)) * unit - 1;
}

interface ClientCtx {
  spec: ClientSpec;
  key: string;
  manager: string;
  registrar: string;
  host: string;
  projects: (DemoProject & { host: string })[];
  domain: string;
}

/** The fields every asset shares; most have an owner and renew automatically. */
function base(rng: Rng, c: ClientCtx, kind: AssetKind, fields: Partial<DemoAsset> & Pick<DemoAsset, 'identifier'>): DemoAsset {
  const tags = [...(fields.tags ?? []), ...(chance(rng, 0.08) ? ['critical'] : [])];
  return {
    clientKey: c.key,
    kind,
    providerKey: null,
    ownerKey: chance(rng, 0.85) ? c.manager : null,
    projectKeys: [],
    status: 'active',
    billingCycle: 'yearly',
    autoRenew: chance(rng, 0.85),
    ...fields,
    tags,
  };
}

function cyclePrice(rng: Rng, c: ClientCtx, p: Product, cycle: BillingCycle): { costAmount: number; renewalAmount: number } {
  const [min, max] = p.euro;
  // Monthly prices paid yearly come with the usual discount of two months or so.
  const factor = cycle === 'yearly' && p.cycles.includes('monthly') ? 10 : cycle === 'quarterly' && p.cycles.includes('monthly') ? 3 : 1;
  const amount = max === 0 ? 0 : price(rng, min * factor, max * factor, c.spec.currency);
  return { costAmount: amount, renewalAmount: amount };
}

function domains(rng: Rng, c: ClientCtx): DemoAsset[] {
  const { slug, short } = c.spec;
  const compact = slug.replaceAll('-', '');
  const variants = [...new Set([`${compact}.example`, `${short}.example`, `${slug}.test`, `${slug}-shop.example`, `${short}-online.example`, `${compact}.test`, `${short}-campaign.example`])];
  const names = [c.domain, ...sample(rng, variants.filter((v) => v !== c.domain), int(rng, 3, 7))];
  return names.map((name, i) => {
    const main = i === 0;
    const years = chance(rng, 0.15) ? pick(rng, [2, 3]) : 1;
    const cost = price(rng, 9, 25, c.spec.currency);
    const renewal = Math.max(cost, price(rng, 12, 40, c.spec.currency));
    const shop = c.projects.find((p) => p.host === 'shop');
    return base(rng, c, 'domain', {
      identifier: name,
      providerKey: main || chance(rng, 0.8) ? c.registrar : pick(rng, ['example-registrar', 'nordic-names', 'tulip-domains']),
      billingCycle: years > 1 ? 'multi-year' : 'yearly',
      cycleMonths: years > 1 ? years * 12 : null,
      costAmount: cost * years,
      renewalAmount: renewal * years,
      autoRenew: main || chance(rng, 0.75),
      projectKeys: main ? c.projects.slice(0, 2).map((p) => p.key) : name.includes('shop') && shop ? [shop.key] : [],
      tags: main ? ['production'] : ['brand-protection'],
      customFields: { dnssec: main },
      ...(years > 1 ? { notes: `Registered for ${years} years at a time to keep the price.` } : {}),
    });
  });
}

function hosting(rng: Rng, c: ClientCtx): DemoAsset[] {
  const plans = [HOSTING[0]!, ...sample(rng, HOSTING.slice(1), int(rng, 0, 2))];
  return plans.map((p, i) => {
    const cycle = pick(rng, p.cycles);
    const project = c.projects[i % c.projects.length]!;
    return base(rng, c, 'hosting', {
      name: `${p.name} (${project.name})`,
      identifier: `${p.code}-${int(rng, 10000, 99999)}`,
      providerKey: c.host,
      billingCycle: cycle,
      ...cyclePrice(rng, c, p, cycle),
      projectKeys: [project.key],
      tags: p.tags,
      customFields: { region: pick(rng, ['eu-north-1', 'eu-west-1', 'eu-central-1']) },
      ...(chance(rng, 0.5) ? { secrets: { sftpPassword: code(rng, 20, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') } } : {}),
    });
  });
}

function certificates(rng: Rng, c: ClientCtx): DemoAsset[] {
  const sites = c.projects.map((p) => ({ cn: `${p.host}.${c.domain}`, projects: [p.key] }));
  if (chance(rng, 0.4)) sites.push({ cn: `*.${c.domain}`, projects: c.projects.map((p) => p.key) });
  return sites.map((site) => {
    // Most sites use free ACME certificates; wildcards and some portals buy an OV certificate.
    const paid = site.cn.startsWith('*') || chance(rng, 0.25);
    const amount = paid ? price(rng, 50, 300, c.spec.currency) : 0;
    return base(rng, c, 'certificate', {
      identifier: site.cn,
      providerKey: paid ? 'example-trust' : 'letsencrypt',
      billingCycle: paid ? 'yearly' : 'quarterly',
      costAmount: amount,
      renewalAmount: amount,
      autoRenew: !paid || chance(rng, 0.6),
      projectKeys: site.projects,
      tags: ['tls', ...(site.cn.startsWith('*') ? ['wildcard'] : [])],
      customFields: { validation: paid ? 'OV' : 'DV' },
    });
  });
}

/** Licences, subscriptions and the odd other thing: picked from a catalogue, priced per cycle. */
function fromCatalogue(rng: Rng, c: ClientCtx, kind: AssetKind, catalogue: Product[], count: number): DemoAsset[] {
  return sample(rng, catalogue, count).map((p) => {
    const cycle = pick(rng, p.cycles);
    const seats = p.code === 'workspace' ? int(rng, 3, 15) : 1;
    const money = cyclePrice(rng, c, p, cycle);
    const multiYear = cycle === 'multi-year';
    const project = chance(rng, 0.6) ? [pick(rng, c.projects).key] : [];
    const identifier =
      kind === 'subscription'
        ? `${p.code}/${c.spec.slug}`
        : kind === 'licence'
          ? `${p.code}-${int(rng, 100000, 999999)}`
          : p.code === 'acct'
            ? `acct_${code(rng, 14, '0123456789abcdef')}`
            : `${p.code}-${c.spec.short.toUpperCase()}-${int(rng, 100, 999)}`;
    return base(rng, c, kind, {
      name: seats > 1 ? `${p.name} (${seats} seats)` : p.name,
      identifier,
      providerKey: p.provider === '' ? (p.code === 'DNS' ? c.registrar : null) : p.provider,
      billingCycle: cycle,
      cycleMonths: multiYear ? 24 : null,
      costAmount: money.costAmount * seats * (multiYear ? 2 : 1),
      renewalAmount: money.renewalAmount * seats * (multiYear ? 2 : 1),
      // A one-off purchase or a pay-as-you-go account has nothing to renew.
      ...(cycle === 'one-off' || p.code === 'acct' ? { expiresOn: null, autoRenew: false } : {}),
      projectKeys: project,
      tags: p.tags,
      ...(kind === 'licence' ? { secrets: { licenceKey: [5, 5, 5, 5].map((n) => code(rng, n)).join('-') } } : {}),
    });
  });
}

function backups(rng: Rng, c: ClientCtx): DemoAsset[] {
  // One storage bucket serves every site of the client, so it hangs off several projects.
  const cycle = pick(rng, BACKUP_STORAGE.cycles);
  const storage = base(rng, c, 'backup', {
    name: BACKUP_STORAGE.name,
    identifier: `${c.spec.slug}-backups`,
    providerKey: BACKUP_STORAGE.provider,
    billingCycle: cycle,
    ...cyclePrice(rng, c, BACKUP_STORAGE, cycle),
    projectKeys: c.projects.slice(0, 3).map((p) => p.key),
    tags: BACKUP_STORAGE.tags,
    notes: 'Nightly backups of every site of this client, kept for 90 days.',
  });
  if (chance(rng, 0.5)) return [storage];
  const snapshots = base(rng, c, 'backup', {
    name: 'Database snapshots',
    identifier: `${c.spec.slug}-db-snapshots`,
    providerKey: c.host,
    billingCycle: 'monthly',
    ...cyclePrice(rng, c, product('', '', '', [2, 8], ['monthly'], []), 'monthly'),
    projectKeys: [c.projects[0]!.key],
    tags: ['backup'],
  });
  return [storage, snapshots];
}

function clientAssets(rng: Rng, c: ClientCtx): DemoAsset[] {
  return [
    ...domains(rng, c),
    ...hosting(rng, c),
    ...certificates(rng, c),
    ...fromCatalogue(rng, c, 'licence', LICENCES, int(rng, 2, 5)),
    ...fromCatalogue(rng, c, 'subscription', SUBSCRIPTIONS, int(rng, 4, 8)),
    ...backups(rng, c),
    ...fromCatalogue(rng, c, 'other', OTHERS, int(rng, 1, 3)),
  ];
}

/**
 * Give a handful of assets a life story: some lapsed, some being renewed, some cancelled or
 * retired. Picked where that story is believable, never a client's main domain. Returns the
 * renewal days (from today; negative once passed) that the story fixes.
 */
function lifeStories(rng: Rng, assets: DemoAsset[]): Map<DemoAsset, number> {
  const fixedDays = new Map<DemoAsset, number>();
  const free = (a: DemoAsset) => a.expiresOn === undefined && a.status === 'active' && !fixedDays.has(a) && !a.tags?.includes('production');
  for (const a of sample(rng, assets.filter((a) => free(a) && a.billingCycle === 'yearly'), 6)) {
    Object.assign(a, { autoRenew: false, tags: [...(a.tags ?? []), 'review'] });
    fixedDays.set(a, -int(rng, 1, 45));
  }
  for (const a of sample(rng, assets.filter((a) => free(a) && a.kind === 'domain' && a.autoRenew), 2)) {
    a.status = 'renewing';
    fixedDays.set(a, int(rng, 2, 14));
  }
  for (const a of sample(rng, assets.filter((a) => free(a) && a.kind === 'subscription'), 3)) {
    Object.assign(a, { status: 'cancelled', autoRenew: false, notes: 'Cancelled; runs until the end of the paid period.' });
  }
  for (const a of sample(rng, assets.filter((a) => free(a) && (a.tags?.includes('brand-protection') || a.tags?.includes('staging'))), 4)) {
    Object.assign(a, { status: 'retired', autoRenew: false, notes: 'No longer needed; kept for the history.' });
  }
  return fixedDays;
}

/**
 * The next renewal day of each asset that has one. Monthly and quarterly things renew within
 * their cycle; longer cycles are laid out evenly over the coming year so every month has some.
 */
function scheduleRenewals(rng: Rng, assets: DemoAsset[], fixedDays: Map<DemoAsset, number>, now: Date): void {
  const longCycles: DemoAsset[] = [];
  for (const a of assets) {
    const fixed = fixedDays.get(a);
    if (fixed !== undefined) a.expiresOn = dateAfterDays(now, fixed);
    else if (a.expiresOn !== undefined) continue;
    else if (a.billingCycle === 'monthly') a.expiresOn = dateAfterDays(now, int(rng, 1, 30));
    else if (a.billingCycle === 'quarterly') a.expiresOn = dateAfterDays(now, int(rng, 1, 90));
    else longCycles.push(a);
  }
  const order = shuffle(rng, longCycles);
  order.forEach((a, i) => (a.expiresOn = dateAfterDays(now, 1 + Math.floor(((i + rng()) * 364) / order.length))));
}

/** "Søren Dahl" → "soren", for a contact's address. */
const firstName = (name: string) => name.split(' ')[0]!.normalize('NFKD').replace(/\p{M}/gu, '').replace('ø', 'o').toLowerCase();

export function demoAgency(seed: number, now: Date): DemoAgency {
  const rng = seededRng(seed);
  const clients: DemoClient[] = [];
  const assets: DemoAsset[] = [];
  for (const spec of CLIENTS) {
    const manager = pick(rng, MANAGERS);
    const projects = spec.projects.map(([name, host]) => ({ key: `${spec.slug}/${name}`, name, host, managerKey: chance(rng, 0.8) ? manager : pick(rng, [...MANAGERS, null]) }));
    const ctx: ClientCtx = {
      spec,
      key: spec.slug,
      manager,
      registrar: pick(rng, ['example-registrar', 'nordic-names', 'tulip-domains']),
      host: pick(rng, ['example-hosting', 'fjord-cloud', 'polder-hosting', 'blue-lantern']),
      projects,
      domain: `${spec.slug}.example`,
    };
    const contacts = spec.people.map(([name, role]) => ({ name, role, email: `${firstName(name)}@${spec.slug}.test` }));
    const { name, locale, currency } = spec;
    const notes = 'Demo client: made up for the demo agency.';
    clients.push({ key: spec.slug, name, locale, currency, contacts, notes, projects: projects.map(({ key, name, managerKey }) => ({ key, name, managerKey })) });
    assets.push(...clientAssets(rng, ctx));
  }
  scheduleRenewals(rng, assets, lifeStories(rng, assets), now);
  const providers = PROVIDERS.map(([key, name, kind]) => ({
    key,
    name,
    kind,
    website: key === 'letsencrypt' ? 'https://letsencrypt.org' : `https://${key}.example`,
    accountReference: key === 'letsencrypt' ? null : `AGENCY-${code(rng, 6, '0123456789')}`,
  }));
  return { users: USERS.map((u) => ({ ...u })), providers, clients, assets };
}
