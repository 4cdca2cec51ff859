import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_STATUSES } from '../../src/registry/assets.model.ts';
import type { AssetView } from '../../src/registry/assets.view.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { createAsset, createParty } from '../support/registry.ts';

/** Asset lists through the HTTP API: every filter, sorting both ways, and cursor pagination. */

const NOW = new Date('2026-11-21T10:00:00Z');

describe('asset filters and sorting', () => {
  let t: TestApp;
  let a: Agency;
  const ids = new Map<string, string>();
  const labelOf = new Map<string, string>();
  let p1: string;
  let p2: string;
  let pa1: string;
  let pa2: string;
  let pb1: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedAgency(t);
    t.clock.now = NOW;
    const token = a.manager.token;
    p1 = await createParty(t, token, 'providers', { name: 'Registrar One', kind: 'registrar' });
    p2 = await createParty(t, token, 'providers', { name: 'Host Two', kind: 'host' });
    pa1 = await createParty(t, token, 'projects', { clientId: a.clientA, name: 'Webshop' });
    pa2 = await createParty(t, token, 'projects', { clientId: a.clientA, name: 'Intranet' });
    pb1 = await createParty(t, token, 'projects', { clientId: a.clientB, name: 'Portal' });
    const A = a.clientA;
    const B = a.clientB;
    const rows: [string, Record<string, unknown>][] = [
      ['shop', { clientId: A, kind: 'domain', name: 'Shop domain', identifier: 'shop.example.com', expiresOn: '2026-12-01', providerId: p1, ownerId: a.manager.id, projectIds: [pa1], tags: ['web', 'shop'], renewalPrice: { amount: 1299, currency: 'EUR' } }],
      ['cafe', { clientId: A, kind: 'hosting', name: 'Café Hosting', identifier: 'srv-01.host.net', expiresOn: '2027-06-01', providerId: p2, tags: ['hosting'], notes: 'Crème brûlée server', billingCycle: 'monthly', cost: { amount: 2500, currency: 'EUR' } }],
      ['cert', { clientId: A, kind: 'certificate', name: 'Shop certificate', identifier: 'shop.example.com', expiresOn: '2026-11-20', providerId: p1, ownerId: a.admin.id, projectIds: [pa1, pa2] }],
      ['swedish', { clientId: B, kind: 'domain', name: 'Swedish domain', identifier: 'example.se', expiresOn: '2026-12-21', providerId: p1, ownerId: a.manager.id, projectIds: [pb1], tags: ['web'] }],
      ['licence', { clientId: B, kind: 'licence', name: 'Office licence', identifier: 'LIC-123', tags: ['vip'] }],
      ['saas', { clientId: B, kind: 'subscription', name: 'SaaS tool', identifier: 'saas-tool', expiresOn: '2026-12-10', status: 'cancelled' }],
      ['backup', { clientId: A, kind: 'backup', name: 'Backup space', identifier: 'backup-1', expiresOn: '2026-12-05', status: 'renewing', providerId: p2 }],
      ['old', { clientId: A, kind: 'domain', name: 'Old domain', identifier: 'old.example.com', expiresOn: '2026-12-03' }],
      ['lapsed', { clientId: B, kind: 'domain', name: 'Lapsed domain', identifier: 'lapsed.example', expiresOn: '2027-01-10', status: 'expired' }],
      ['later', { clientId: A, kind: 'domain', name: 'Next month domain', identifier: 'later.example', expiresOn: '2026-12-22' }],
      ['today', { clientId: A, kind: 'domain', name: 'Today domain', identifier: 'today.example', expiresOn: '2026-11-21' }],
    ];
    for (const [label, body] of rows) {
      const asset = await createAsset(t, token, body);
      ids.set(label, asset.id);
      labelOf.set(asset.id, label);
    }
    expect((await t.request('DELETE', `/api/v1/assets/${ids.get('old')}`, { token })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  async function list(query: string, token = a.viewer.token): Promise<AssetView[]> {
    const res = await t.request('GET', `/api/v1/assets?limit=200&${query}`, { token });
    expect(res.status, `${query}: ${res.text}`).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    return res.body.items;
  }
  /** The labels of the assets a query returns, in the order returned. */
  const ordered = async (query: string) => (await list(query)).map((i) => labelOf.get(i.id) ?? i.id);
  const found = async (query: string) => (await ordered(query)).sort();

  it('filters by kind, one or several', async () => {
    t.clock.now = NOW;
    expect(await found('kind=domain')).toEqual(['lapsed', 'later', 'shop', 'swedish', 'today']);
    expect(await found('kind=domain,hosting')).toEqual(['cafe', 'lapsed', 'later', 'shop', 'swedish', 'today']);
    expect(await found('kind=licence')).toEqual(['licence']);
  });

  it('filters by status as shown today', async () => {
    t.clock.now = NOW;
    expect(await found('status=expiring')).toEqual(['shop', 'swedish', 'today']);
    expect(await found('status=expired')).toEqual(['cert', 'lapsed']);
    expect(await found('status=active')).toEqual(['cafe', 'later', 'licence']);
    expect(await found('status=cancelled')).toEqual(['saas']);
    expect(await found('status=renewing')).toEqual(['backup']);
    expect(await found('status=retired')).toEqual(['old']);
    expect(await found('status=expired,expiring')).toEqual(['cert', 'lapsed', 'shop', 'swedish', 'today']);
    for (const item of await list('status=expiring')) expect(item.status).toBe('expiring');
  });

  it('agrees with the status each asset shows, wherever the clock is', async () => {
    for (const at of ['2026-11-21T10:00:00Z', '2026-11-21T23:59:59Z', '2026-12-02T00:00:00Z', '2026-12-22T00:00:00Z', '2027-01-15T12:00:00Z']) {
      t.clock.now = new Date(at);
      const all = await list('includeRetired=true');
      expect(all).toHaveLength(11);
      for (const status of ASSET_STATUSES) {
        const expected = all.filter((i) => i.status === status).map((i) => i.id).sort();
        const got = (await list(`status=${status}`)).map((i) => i.id).sort();
        expect(got, `${status} at ${at}`).toEqual(expected);
      }
    }
    t.clock.now = new Date('2026-12-02T00:00:00Z');
    const status = async (label: string) => (await t.request('GET', `/api/v1/assets/${ids.get(label)}`, { token: a.viewer.token })).body.status;
    expect(await status('shop')).toBe('expired');
    expect(await status('later')).toBe('expiring');
    expect(await status('cafe')).toBe('active');
    expect(await found('status=expired')).toEqual(['cert', 'lapsed', 'shop', 'today']);
    t.clock.now = new Date('2027-01-15T12:00:00Z');
    expect(await found('status=expiring')).toEqual([]);
    expect(await found('status=active')).toEqual(['cafe', 'licence']);
  });

  it('filters by client, project, owner and provider', async () => {
    t.clock.now = NOW;
    expect(await found(`clientId=${a.clientA}`)).toEqual(['backup', 'cafe', 'cert', 'later', 'shop', 'today']);
    expect(await found(`clientId=${a.clientB}`)).toEqual(['lapsed', 'licence', 'saas', 'swedish']);
    expect(await found(`projectId=${pa1}`)).toEqual(['cert', 'shop']);
    expect(await found(`projectId=${pa2}`)).toEqual(['cert']);
    expect(await found(`projectId=${pb1}`)).toEqual(['swedish']);
    expect(await found(`ownerId=${a.manager.id}`)).toEqual(['shop', 'swedish']);
    expect(await found(`ownerId=${a.admin.id}`)).toEqual(['cert']);
    expect(await found('ownerId=none')).toEqual(['backup', 'cafe', 'lapsed', 'later', 'licence', 'saas', 'today']);
    expect(await found(`providerId=${p1}`)).toEqual(['cert', 'shop', 'swedish']);
    expect(await found(`providerId=${p2}`)).toEqual(['backup', 'cafe']);
    expect(await found('clientId=cli_unknown')).toEqual([]);
  });

  it('filters by tag, whatever its case', async () => {
    t.clock.now = NOW;
    expect(await found('tag=web')).toEqual(['shop', 'swedish']);
    expect(await found('tag=vip')).toEqual(['licence']);
    expect(await found('tag=Web')).toEqual(['shop', 'swedish']);
    expect(await found('tag=we')).toEqual([]);
  });

  it('searches words by prefix in name, identifier, tags and notes', async () => {
    t.clock.now = NOW;
    expect(await found('q=example')).toEqual(['cert', 'lapsed', 'later', 'shop', 'swedish', 'today']);
    expect(await found('q=exam')).toEqual(['cert', 'lapsed', 'later', 'shop', 'swedish', 'today']);
    expect(await found('q=xample')).toEqual([]);
    expect(await found('q=srv')).toEqual(['cafe']);
    expect(await found('q=vip')).toEqual(['licence']); // a tag
    expect(await found('q=brul')).toEqual(['cafe']); // the notes
    expect(await found('q=shop%20example')).toEqual(['cert', 'shop']); // every word must match
    expect(await found('q=SHOP')).toEqual(['cert', 'shop']);
    expect(await found('q=lic%20123')).toEqual(['licence']);
    expect(await found('q=nothing-like-this')).toEqual([]);
    expect(await found('q=old')).toEqual([]); // retired
    expect(await found('q=old&includeRetired=true')).toEqual(['old']);
  });

  it('searches without regard to diacritics', async () => {
    t.clock.now = NOW;
    expect(await found('q=cafe')).toEqual(['cafe']);
    expect(await found(`q=${encodeURIComponent('Café')}`)).toEqual(['cafe']);
    expect(await found(`q=${encodeURIComponent('CAFÉ')}`)).toEqual(['cafe']);
    expect(await found('q=creme')).toEqual(['cafe']);
    expect(await found(`q=${encodeURIComponent('crème brû')}`)).toEqual(['cafe']);
  });

  it('finds assets renewing within a number of days, leaving out cancelled, retired and past ones', async () => {
    t.clock.now = NOW;
    expect(await found('expiresWithin=30d')).toEqual(['backup', 'shop', 'swedish', 'today']);
    expect(await found('expiresWithin=31')).toEqual(['backup', 'later', 'shop', 'swedish', 'today']);
    expect(await found('expiresWithin=0d')).toEqual(['today']);
    expect(await ordered('expiresWithin=30d')).toEqual(['today', 'shop', 'backup', 'swedish']);
    t.clock.now = new Date('2026-12-02T08:00:00Z');
    expect(await found('expiresWithin=30d')).toEqual(['backup', 'later', 'swedish']);
  });

  it('combines filters', async () => {
    t.clock.now = NOW;
    expect(await found(`clientId=${a.clientA}&kind=domain&status=expiring`)).toEqual(['shop', 'today']);
    expect(await found(`providerId=${p1}&tag=web`)).toEqual(['shop', 'swedish']);
    expect(await found(`ownerId=none&clientId=${a.clientB}`)).toEqual(['lapsed', 'licence', 'saas']);
    expect(await found('q=example&expiresWithin=30d')).toEqual(['shop', 'swedish', 'today']);
    expect(await found(`kind=domain&status=expiring,expired&clientId=${a.clientB}`)).toEqual(['lapsed', 'swedish']);
    expect(await found(`projectId=${pa1}&status=expired`)).toEqual(['cert']);
    expect(await found('tag=web&q=swedish')).toEqual(['swedish']);
    expect(await found('includeRetired=true&kind=domain&clientId=' + a.clientA)).toEqual(['later', 'old', 'shop', 'today']);
    expect(await found(`providerId=${p2}&status=renewing&expiresWithin=30d`)).toEqual(['backup']);
    expect(await ordered('kind=domain&status=expiring&sort=-expiresOn')).toEqual(['swedish', 'shop', 'today']);
  });

  it('confines a portal user to their own client, whatever the filter', async () => {
    t.clock.now = NOW;
    const own = (await list('', a.clientUser.token)).map((i) => labelOf.get(i.id)).sort();
    expect(own).toEqual(['backup', 'cafe', 'cert', 'later', 'shop', 'today']);
    expect(await list(`clientId=${a.clientB}`, a.clientUser.token)).toEqual([]);
    expect((await list('q=example', a.outsider.token)).map((i) => labelOf.get(i.id)).sort()).toEqual(['lapsed', 'swedish']);
  });

  it('sorts by renewal date both ways, with undated assets last', async () => {
    t.clock.now = NOW;
    const asc = ['cert', 'today', 'shop', 'backup', 'saas', 'swedish', 'later', 'lapsed', 'cafe', 'licence'];
    expect(await ordered('')).toEqual(asc);
    expect(await ordered('sort=expiresOn')).toEqual(asc);
    expect(await ordered('sort=-expiresOn')).toEqual(['cafe', 'lapsed', 'later', 'swedish', 'saas', 'backup', 'shop', 'today', 'cert', 'licence']);
  });

  it('sorts by name and by yearly cost both ways', async () => {
    t.clock.now = NOW;
    const byName = ['backup', 'cafe', 'lapsed', 'later', 'licence', 'saas', 'cert', 'shop', 'swedish', 'today'];
    expect(await ordered('sort=name')).toEqual(byName);
    expect(await ordered('sort=-name')).toEqual([...byName].reverse());
    const cheapest = await list('sort=yearlyCost');
    expect(cheapest.slice(-2).map((i) => labelOf.get(i.id))).toEqual(['shop', 'cafe']);
    expect(cheapest.map((i) => i.yearlyCost.amount)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1299, 30_000]);
    // Equal costs fall back to the id, in the same direction.
    const zeros = cheapest.slice(0, 8).map((i) => i.id);
    expect(zeros).toEqual([...zeros].sort());
    const dearest = await list('sort=-yearlyCost');
    expect(dearest.map((i) => i.id)).toEqual(cheapest.map((i) => i.id).reverse());
  });

  it('sorts by creation and change time', async () => {
    t.clock.now = new Date('2026-11-25T10:00:00Z');
    const touched = await t.request('PATCH', `/api/v1/assets/${ids.get('licence')}`, { token: a.manager.token, body: { notes: 'touched' } });
    expect(touched.status).toBe(200);
    const byUpdate = await ordered('sort=-updatedAt');
    expect(byUpdate[0]).toBe('licence');
    // All were created at the same instant on the test clock: the id decides, in the same direction.
    const byCreation = (await list('sort=createdAt')).map((i) => i.id);
    expect(byCreation).toEqual([...byCreation].sort());
    expect((await list('sort=-createdAt')).map((i) => i.id)).toEqual([...byCreation].reverse());
  });
});

describe('asset pagination', () => {
  let t: TestApp;
  let a: Agency;
  let all: AssetView[];
  const TOTAL = 126;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedAgency(t);
    const start = Date.parse('2026-11-21T10:00:00Z');
    for (let batch = 0; batch < TOTAL / 6; batch++) {
      // Six assets share each creation instant, so ties on createdAt must be broken by id.
      t.clock.now = new Date(start + batch * 1000);
      await Promise.all(
        Array.from({ length: 6 }, (_, k) => {
          const i = batch * 6 + k;
          const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
          return createAsset(t, a.manager.token, {
            clientId: i % 3 === 0 ? a.clientB : a.clientA,
            kind: i % 2 === 0 ? 'domain' : 'hosting',
            name: `Asset ${String((i * 37) % TOTAL).padStart(3, '0')}`,
            identifier: `page-${i}.example`,
            // Every fifth asset has no date; the others share 28 days, so many tie.
            expiresOn: i % 5 === 0 ? null : `2027-0${1 + (i % 3)}-${day}`,
            renewalPrice: { amount: (i % 4) * 1000, currency: 'EUR' },
          });
        }),
      );
    }
    t.clock.now = new Date(start + 3_600_000);
    all = (await t.request('GET', '/api/v1/assets?limit=200&sort=createdAt', { token: a.viewer.token })).body.items;
    expect(all).toHaveLength(TOTAL);
  });
  afterAll(async () => t?.close());

  async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; text: string; body: { items: { id: string }[]; nextCursor: string | null } } = await t.request(
        'GET',
        `/api/v1/assets?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        { token: a.viewer.token },
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      pages++;
      expect(pages).toBeLessThan(100);
    } while (cursor);
    return { ids: seen, pages };
  }

  type Key = 'name' | 'expiresOn' | 'createdAt' | 'updatedAt' | 'yearlyCost';
  /** The order the API promises: by the key (nulls last either way), then by id, in one direction. */
  function expectedOrder(items: AssetView[], key: Key, direction: 1 | -1): string[] {
    const value = (i: AssetView) => (key === 'yearlyCost' ? i.yearlyCost.amount : i[key]);
    return [...items]
      .sort((x, y) => {
        const vx = value(x);
        const vy = value(y);
        if (vx === null || vy === null) {
          if (vx !== vy) return vx === null ? 1 : -1;
        } else if (vx !== vy) {
          return (vx < vy ? -1 : 1) * direction;
        }
        return (x.id < y.id ? -1 : 1) * direction;
      })
      .map((i) => i.id);
  }

  it.each([
    ['name', 'name', 1],
    ['-name', 'name', -1],
    ['expiresOn', 'expiresOn', 1],
    ['-expiresOn', 'expiresOn', -1],
    ['yearlyCost', 'yearlyCost', 1],
    ['-yearlyCost', 'yearlyCost', -1],
    ['createdAt', 'createdAt', 1],
    ['-createdAt', 'createdAt', -1],
    ['-updatedAt', 'updatedAt', -1],
  ] as const)('walks every asset once with sort=%s', async (sort, key, direction) => {
    const { ids, pages } = await walk(`sort=${sort}`, 9);
    expect(pages).toBe(Math.ceil(TOTAL / 9));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expectedOrder(all, key, direction));
  });

  it('walks filtered lists, including the date-range path without nulls', async () => {
    const today = '2026-11-21';
    const until = '2027-02-15'; // 86 days after the clock's date
    const inRange = all.filter((i) => i.expiresOn !== null && i.expiresOn >= today && i.expiresOn <= until);
    expect(inRange.length).toBeGreaterThan(20);
    expect(inRange.length).toBeLessThan(TOTAL);
    for (const [sort, direction] of [['expiresOn', 1], ['-expiresOn', -1]] as const) {
      const { ids } = await walk(`expiresWithin=86d&sort=${sort}`, 7);
      expect(ids).toEqual(expectedOrder(inRange, 'expiresOn', direction));
    }
    const domainsOfA = all.filter((i) => i.kind === 'domain' && i.clientId === a.clientA);
    const { ids } = await walk(`kind=domain&clientId=${a.clientA}&sort=-yearlyCost`, 5);
    expect(ids).toEqual(expectedOrder(domainsOfA, 'yearlyCost', -1));
    const single = await walk('sort=name', 200);
    expect(single.pages).toBe(1);
  });

  it('refuses cursors it did not give out', async () => {
    const bad = async (query: string) => {
      const res = await t.request('GET', `/api/v1/assets?${query}`, { token: a.viewer.token });
      expect(res.status, `${query}: ${res.text}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'querystring.cursor', message: expect.any(String) }]);
    };
    const cursorOf = (value: unknown, id = 'ast_x') => Buffer.from(JSON.stringify({ value, id })).toString('base64url');
    const first = await t.request('GET', '/api/v1/assets?sort=name&limit=5', { token: a.viewer.token });
    const real: string = first.body.nextCursor;
    expect(real).toEqual(expect.any(String));
    await bad(`cursor=${real.slice(0, -3)}`);
    await bad('cursor=not-a-cursor');
    await bad(`cursor=${Buffer.from('{"value":1}').toString('base64url')}`);
    // Well-formed, but not of the sort's type: a cursor from another sort, or an edited one.
    await bad(`sort=yearlyCost&cursor=${real}`);
    await bad(`sort=expiresOn&cursor=${cursorOf('not a date')}`);
    await bad(`sort=expiresOn&cursor=${cursorOf(5)}`);
    await bad(`sort=createdAt&cursor=${cursorOf('yesterday')}`);
    await bad(`sort=createdAt&cursor=${cursorOf('2026-02-30T10:00:00.000Z')}`);
    await bad(`sort=-updatedAt&cursor=${cursorOf(12)}`);
    await bad(`sort=yearlyCost&cursor=${cursorOf(1.5)}`);
    await bad(`sort=name&cursor=${cursorOf(null)}`);
    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
  });

  it('refuses a page size above 200 or below 1', async () => {
    for (const limit of ['201', '0', '-1', 'ten', '2.5']) {
      const res = await t.request('GET', `/api/v1/assets?limit=${limit}`, { token: a.viewer.token });
      expect(res.status, limit).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'querystring.limit', message: expect.any(String) }]);
    }
    expect((await t.request('GET', '/api/v1/assets?limit=200', { token: a.viewer.token })).body.items).toHaveLength(TOTAL);
  });
});
