import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { jobHandlers } from '../../src/jobs.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { createAsset } from '../../src/registry/assets.service.ts';
import type { AssetInput } from '../../src/registry/assets.rules.ts';
import { createProject, updateProject } from '../../src/registry/parties.service.ts';
import { wasteJobs } from '../../src/renewals/waste.jobs.ts';
import type { Agency, TestApp } from '../support/app.ts';
import { startDnsPeer, type DnsPeer } from '../support/peers/dns-server.ts';
import { startHttpPeer, type HttpPeer } from '../support/peers/http-server.ts';

/**
 * A small world for the waste audit: a DNS server answering for the clients' domains (all pointing
 * at 127.0.0.1), a web server answering per Host header (a real shop, or a "for sale" lander), and
 * a registry holding one asset for each way an asset can look wasted — and some that do not.
 */
export const NS = ['ns1.dns.test', 'ns2.dns.test'];
const LOCAL = ['127.0.0.1'];

export const SHOP_PAGE =
  '<!doctype html><html><head><title>Corner Bakery</title></head><body><h1>Corner Bakery</h1>' +
  `<p>${'Fresh bread every morning, cakes to order, coffee and a warm place to sit. '.repeat(12)}</p></body></html>`;
export const PARKED_PAGE = '<html><head><title>parked.test</title></head><body><h1>This domain is for sale</h1><p>Make an offer today.</p></body></html>';

export interface WasteWorld {
  dns: DnsPeer;
  web: HttpPeer;
  close(): Promise<void>;
}

export async function startWasteWorld(): Promise<WasteWorld> {
  const dns = await startDnsPeer(
    {
      'used.test': { NS, A: LOCAL, MX: [{ priority: 10, exchange: 'mail.used.test' }] },
      'shop.test': { NS, A: LOCAL },
      'parked.test': { NS, A: LOCAL },
      'norecords.test': { NS },
      'bsite.test': { NS, A: ['127.0.0.2'] },
      'web1.hosting.test': { A: LOCAL },
    },
    { silent: ['broken.test'] },
  );
  const web = await startHttpPeer();
  web.route('/', (req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const page = host === 'parked.test' ? PARKED_PAGE : SHOP_PAGE;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  return { dns, web, close: async () => void (await Promise.all([dns.close(), web.close()])) };
}

const cli = { actor: CLI_ACTOR, requestId: null };

export interface WasteAssets {
  used: string;
  usedAgain: string;
  usedWww: string;
  shop: string;
  parked: string;
  noRecords: string;
  notDelegated: string;
  broken: string;
  hostingPointed: string;
  hostingAlone: string;
  subscriptionArchived: string;
  licenceAutoRenew: string;
  bSite: string;
  bHosting: string;
}

/** One asset per case; yearly prices in minor units. Client A pays in EUR, client B in SEK. */
export async function seedWasteAssets(t: TestApp, a: Agency): Promise<WasteAssets> {
  const live = await createProject(t.deps, cli, { clientId: a.clientA, name: 'Website' });
  const old = await createProject(t.deps, cli, { clientId: a.clientA, name: 'Old campaign' });
  await updateProject(t.deps, cli, old.id, { archived: true });
  const add = async (input: Partial<AssetInput> & Pick<AssetInput, 'kind' | 'identifier'>) =>
    (await createAsset(t.deps, cli, { clientId: a.clientA, billingCycle: 'yearly', projectIds: [live.id], ...input })).id;
  return {
    used: await add({ kind: 'domain', identifier: 'used.test', costAmount: 1_500 }),
    usedAgain: await add({ kind: 'domain', identifier: 'Used.TEST.', costAmount: 1_500 }),
    usedWww: await add({ kind: 'domain', identifier: 'www.used.test', costAmount: 1_200 }),
    shop: await add({ kind: 'domain', identifier: 'shop.test', costAmount: 2_000, autoRenew: true, projectIds: [old.id] }),
    parked: await add({ kind: 'domain', identifier: 'parked.test', costAmount: 2_500 }),
    noRecords: await add({ kind: 'domain', identifier: 'norecords.test', costAmount: 1_000 }),
    notDelegated: await add({ kind: 'domain', identifier: 'gone.test', costAmount: 900 }),
    broken: await add({ kind: 'domain', identifier: 'broken.test', costAmount: 800 }),
    hostingPointed: await add({ kind: 'hosting', identifier: 'web1.hosting.test', costAmount: 12_000 }),
    hostingAlone: await add({ kind: 'hosting', identifier: '192.0.2.50', billingCycle: 'monthly', costAmount: 1_000 }),
    subscriptionArchived: await add({ kind: 'subscription', identifier: 'Newsletter tool', costAmount: 6_000, projectIds: [old.id] }),
    licenceAutoRenew: await add({ kind: 'licence', identifier: 'Page builder pro', costAmount: 4_900, autoRenew: true, projectIds: [old.id] }),
    // Client B: its own domain on 127.0.0.2; its hosting on 127.0.0.1 is pointed at by client A's domains only.
    bSite: (await createAsset(t.deps, cli, { clientId: a.clientB, kind: 'domain', identifier: 'bsite.test', costAmount: 15_000 })).id,
    bHosting: (await createAsset(t.deps, cli, { clientId: a.clientB, kind: 'hosting', identifier: '127.0.0.1', costAmount: 60_000 })).id,
  };
}

/** A job worker running every job, with the audit's page fetches pointed at the test web server. */
export function startWorker(t: TestApp, world: WasteWorld): JobWorker {
  const handlers = { ...jobHandlers(t.deps), ...wasteJobs(t.deps, { httpPort: world.web.port, timeoutMs: 600 }) };
  const worker = new JobWorker({ database: t.db, handlers, logger: t.deps.logger, concurrency: 2, pollIntervalMs: 20, leaseMs: 30_000, workerId: 'waste-test', now: () => t.clock.now });
  worker.start();
  return worker;
}
