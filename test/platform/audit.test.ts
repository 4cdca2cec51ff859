import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/platform/audit/store.ts';
import type { AuditEntry } from '../../src/platform/audit/model.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/** The audit log through the API and in the database: what is recorded, how it is found, how tampering shows. */

async function auditCount(t: TestApp): Promise<number> {
  const row = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('audit log of registry changes', () => {
  let t: TestApp;
  let a: Agency;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedAgency(t);
  });
  afterAll(async () => t?.close());

  /** Make a change as the manager with a request id of our own, at a moment of our own. */
  async function change(method: string, path: string, body?: unknown): Promise<{ body: { id: string; value?: string }; requestId: string; at: string }> {
    seq++;
    const at = new Date(Date.parse('2026-11-21T10:00:00Z') + seq * 60_000);
    t.clock.now = at;
    const requestId = `req-audit-${seq}`;
    const res = await t.request(method, path, { token: a.manager.token, body, headers: { 'x-request-id': requestId } });
    expect(res.status, res.text).toBeLessThan(300);
    expect(res.headers['x-request-id']).toBe(requestId);
    return { body: res.body, requestId, at: at.toISOString() };
  }

  /** The one entry written by a request. */
  async function entryOf(requestId: string): Promise<AuditEntry> {
    const rows = await t.db.db.selectFrom('audit_log').select('entity_id').where('request_id', '=', requestId).execute();
    expect(rows, requestId).toHaveLength(1);
    const res = await t.request('GET', `/api/v1/audit?entityId=${rows[0]!.entity_id}&limit=500`, { token: a.admin.token });
    expect(res.status).toBe(200);
    const entry = (res.body.items as AuditEntry[]).find((e) => e.requestId === requestId);
    expect(entry).toBeDefined();
    return entry!;
  }

  const keys = (value: unknown) => Object.keys(value as object).sort();

  it('records every change with actor, action, entity, before/after, time and request id', async () => {
    const client = await change('POST', '/api/v1/clients', { name: 'Audited Co', currency: 'EUR' });
    const clientId = client.body.id;
    const created = await entryOf(client.requestId);
    expect(created).toMatchObject({
      actorType: 'token',
      actorId: a.manager.id,
      action: 'client.created',
      entityType: 'client',
      entityId: clientId,
      before: null,
      at: client.at,
      requestId: client.requestId,
    });
    expect(created.after).toMatchObject({ id: clientId, name: 'Audited Co', currency: 'EUR' });

    const clientPatch = await change('PATCH', `/api/v1/clients/${clientId}`, { notes: 'VIP' });
    expect(await entryOf(clientPatch.requestId)).toMatchObject({
      action: 'client.updated',
      entityId: clientId,
      before: { notes: '', updatedAt: client.at },
      after: { notes: 'VIP', updatedAt: clientPatch.at },
    });
    const clientArchive = await change('DELETE', `/api/v1/clients/${clientId}`);
    const archivedEntry = await entryOf(clientArchive.requestId);
    expect(archivedEntry).toMatchObject({ action: 'client.archived', before: { archivedAt: null }, after: { archivedAt: clientArchive.at } });
    expect(keys(archivedEntry.after)).toEqual(['archivedAt', 'updatedAt']);

    const project = await change('POST', '/api/v1/projects', { clientId: a.clientA, name: 'Audited project' });
    expect(await entryOf(project.requestId)).toMatchObject({ action: 'project.created', entityType: 'project', entityId: project.body.id, before: null });
    const projectPatch = await change('PATCH', `/api/v1/projects/${project.body.id}`, { name: 'Audited project 2' });
    const projectUpdated = await entryOf(projectPatch.requestId);
    expect(projectUpdated).toMatchObject({ action: 'project.updated', before: { name: 'Audited project' }, after: { name: 'Audited project 2' } });
    expect(keys(projectUpdated.after)).toEqual(['name', 'updatedAt']);
    const projectArchive = await change('DELETE', `/api/v1/projects/${project.body.id}`);
    const projectArchived = await entryOf(projectArchive.requestId);
    expect(projectArchived).toMatchObject({ action: 'project.archived', after: { archivedAt: projectArchive.at } });
    expect(keys(projectArchived.after)).toEqual(['archivedAt', 'updatedAt']);

    const provider = await change('POST', '/api/v1/providers', { name: 'Audited Registrar', kind: 'registrar' });
    expect(await entryOf(provider.requestId)).toMatchObject({ action: 'provider.created', entityType: 'provider', entityId: provider.body.id });
    const providerPatch = await change('PATCH', `/api/v1/providers/${provider.body.id}`, { kind: 'vendor' });
    const providerUpdated = await entryOf(providerPatch.requestId);
    expect(providerUpdated).toMatchObject({ action: 'provider.updated', before: { kind: 'registrar' }, after: { kind: 'vendor' } });
    expect(keys(providerUpdated.after)).toEqual(['kind', 'updatedAt']);

    const asset = await change('POST', '/api/v1/assets', {
      clientId: a.clientA,
      kind: 'licence',
      identifier: 'audited-licence',
      cost: { amount: 4900, currency: 'EUR' },
      secrets: { licenceKey: 'LK-TOP-SECRET' },
    });
    const assetId = asset.body.id;
    const assetCreated = await entryOf(asset.requestId);
    expect(assetCreated).toMatchObject({ action: 'asset.created', entityType: 'asset', entityId: assetId, before: null });
    expect(assetCreated.after).toMatchObject({ identifier: 'audited-licence', costAmount: 4900, secretNames: ['licenceKey'] });

    const assetPatch = await change('PATCH', `/api/v1/assets/${assetId}`, { expiresOn: '2027-05-01', tags: ['Key'], providerId: provider.body.id });
    const assetUpdated = await entryOf(assetPatch.requestId);
    expect(assetUpdated).toMatchObject({
      action: 'asset.updated',
      before: { expiresOn: null, tags: [], providerId: null, updatedAt: asset.at },
      after: { expiresOn: '2027-05-01', tags: ['key'], providerId: provider.body.id, updatedAt: assetPatch.at },
    });
    expect(keys(assetUpdated.after)).toEqual(['expiresOn', 'providerId', 'tags', 'updatedAt']);
    expect(keys(assetUpdated.before)).toEqual(keys(assetUpdated.after));

    const reveal = await change('POST', `/api/v1/assets/${assetId}/secrets/licenceKey/reveal`);
    expect(reveal.body.value).toBe('LK-TOP-SECRET');
    expect(await entryOf(reveal.requestId)).toMatchObject({ action: 'asset.secret-revealed', entityId: assetId, after: { secret: 'licenceKey' } });

    const retire = await change('DELETE', `/api/v1/assets/${assetId}`);
    const retired = await entryOf(retire.requestId);
    expect(retired).toMatchObject({ action: 'asset.retired', before: { status: 'active', retiredAt: null }, after: { status: 'retired', retiredAt: retire.at } });
    expect(keys(retired.after)).toEqual(['retiredAt', 'status', 'updatedAt']);

    const spare = await change('POST', '/api/v1/providers', { name: 'Unused Host', kind: 'host' });
    const removal = await change('DELETE', `/api/v1/providers/${spare.body.id}`);
    expect(await entryOf(removal.requestId)).toMatchObject({
      action: 'provider.deleted',
      entityId: spare.body.id,
      before: { id: spare.body.id, name: 'Unused Host' },
      after: null,
    });

    const everything = JSON.stringify(await t.db.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain('LK-TOP-SECRET');
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });

  it('writes nothing for a change that is refused', async () => {
    const before = await auditCount(t);
    const refused = [
      await t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 'Client A' } }),
      await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId: a.clientA, kind: 'domain', identifier: 'x.example', expiresOn: '2026-02-30' } }),
      await t.request('POST', '/api/v1/assets/ast_unknown/secrets/x/reveal', { token: a.manager.token }),
      await t.request('POST', '/api/v1/clients', { token: a.viewer.token, body: { name: 'Not allowed' } }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 400, 404, 403]);
    expect(await auditCount(t)).toBe(before);
  });

  it('keeps a generated request id when the caller sends none or a malformed one', async () => {
    t.clock.now = new Date('2026-11-22T10:00:00Z');
    const plain = await t.request('POST', '/api/v1/providers', { token: a.manager.token, body: { name: 'No Request Id', kind: 'other' } });
    const generated = String(plain.headers['x-request-id']);
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await t.request('POST', '/api/v1/providers', { token: a.manager.token, body: { name: 'Odd Request Id', kind: 'other' }, headers: { 'x-request-id': 'has spaces; and "quotes"' } });
    const replaced = String(odd.headers['x-request-id']);
    expect(replaced).not.toContain(' ');
    const rows = await t.db.db.selectFrom('audit_log').select(['entity_id', 'request_id']).where('entity_id', 'in', [plain.body.id, odd.body.id]).execute();
    expect(rows.find((r) => r.entity_id === plain.body.id)?.request_id).toBe(generated);
    expect(rows.find((r) => r.entity_id === odd.body.id)?.request_id).toBe(replaced);
  });

  it('filters by entity type, entity, actor and action', async () => {
    t.clock.now = new Date('2026-11-23T10:00:00Z');
    const byAdmin = await t.request('POST', '/api/v1/assets', { token: a.admin.token, body: { clientId: a.clientB, kind: 'domain', identifier: 'admin-made.example' } });
    expect(byAdmin.status).toBe(201);
    await t.request('PATCH', `/api/v1/assets/${byAdmin.body.id}`, { token: a.manager.token, body: { notes: 'seen by the manager' } });
    const list = async (query: string): Promise<AuditEntry[]> => {
      const res = await t.request('GET', `/api/v1/audit?limit=500&${query}`, { token: a.admin.token });
      expect(res.status, res.text).toBe(200);
      return res.body.items;
    };

    const assets = await list('entityType=asset');
    expect(assets.length).toBeGreaterThanOrEqual(5);
    expect(assets.every((e) => e.entityType === 'asset')).toBe(true);
    const one = await list(`entityId=${byAdmin.body.id}`);
    expect(one.map((e) => [e.action, e.actorId])).toEqual([
      ['asset.updated', a.manager.id],
      ['asset.created', a.admin.id],
    ]);
    const admin = await list(`actorId=${a.admin.id}`);
    expect(admin.map((e) => e.entityId)).toEqual([byAdmin.body.id]);
    const manager = await list(`actorId=${a.manager.id}`);
    expect(manager.length).toBeGreaterThan(10);
    expect(manager.every((e) => e.actorId === a.manager.id && e.actorType === 'token')).toBe(true);
    expect((await list('action=asset.secret-revealed')).map((e) => e.action)).toEqual(['asset.secret-revealed']);
    expect(await list(`entityType=asset&actorId=${a.admin.id}&action=asset.updated`)).toEqual([]);
    expect(await list('entityType=invoice')).toEqual([]);
  });

  it('pages newest first without gaps or repeats', async () => {
    const total = await auditCount(t);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: AuditEntry[]; nextCursor: string | null } } = await t.request(
        'GET',
        `/api/v1/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        { token: a.admin.token },
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((e) => e.seq));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(total / 7));
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    expect(new Set(seen).size).toBe(total);
    expect(seen[seen.length - 1]).toBe(1);

    const filtered: string[] = [];
    cursor = null;
    do {
      const res: { body: { items: AuditEntry[]; nextCursor: string | null } } = await t.request(
        'GET',
        `/api/v1/audit?entityType=asset&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: a.admin.token },
      );
      filtered.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const assetEntries = await t.db.db.selectFrom('audit_log').select('id').where('entity_type', '=', 'asset').orderBy('seq', 'desc').execute();
    expect(filtered).toEqual(assetEntries.map((r) => r.id));
  });

  it('refuses cursors it did not give out', async () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify({ value, id: 'aud_x' })).toString('base64url');
    for (const cursor of ['garbage', cursorOf('12'), cursorOf(1.5), cursorOf(1e300), cursorOf(null)]) {
      const res = await t.request('GET', `/api/v1/audit?cursor=${cursor}`, { token: a.admin.token });
      expect(res.status, cursor).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'querystring.cursor', message: expect.any(String) }]);
    }
    expect((await t.request('GET', '/api/v1/audit?limit=501', { token: a.admin.token })).status).toBe(400);
  });

  it('is readable by owners and admins only', async () => {
    const status = async (token?: string) => (await t.request('GET', '/api/v1/audit', token ? { token } : {})).status;
    expect(await status(a.owner.token)).toBe(200);
    expect(await status(a.admin.token)).toBe(200);
    expect(await status(a.manager.token)).toBe(403);
    expect(await status(a.viewer.token)).toBe(403);
    expect(await status(a.clientUser.token)).toBe(403);
    expect(await status()).toBe(401);
  });

  it('keeps the chain whole under 20 changes at once', async () => {
    t.clock.now = new Date('2026-11-24T10:00:00Z');
    const before = await auditCount(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 4 === 0
          ? t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: `Parallel client ${i}` } })
          : t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId: i % 2 ? a.clientA : a.clientB, kind: 'domain', identifier: `parallel-${i}.example` } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(await auditCount(t)).toBe(before + 20);
    const verdict = await verifyAudit(t.db.db);
    expect(verdict).toEqual({ ok: true, checked: before + 20 });
    // Every entry points at the one before it, in sequence order.
    const rows = await t.db.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const head = await t.db.db.selectFrom('audit_head').select('last_hash').executeTakeFirstOrThrow();
    expect(head.last_hash).toBe(rows[rows.length - 1]!.hash);
  });
});

describe('audit log tampering', () => {
  let t: TestApp;
  let a: Agency;

  beforeAll(async () => {
    t = await startTestApp();
    a = await seedAgency(t);
    t.clock.now = new Date('2026-11-21T10:00:00Z');
    for (let i = 0; i < 4; i++) {
      const res = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId: a.clientA, kind: 'domain', identifier: `tamper-${i}.example` } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  const rowsInOrder = () => t.db.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('finds an intact log intact', async () => {
    expect(await verifyAudit(t.db.db)).toEqual({ ok: true, checked: await auditCount(t) });
  });

  it('finds an entry whose content was altered, at its seq', async () => {
    const rows = await rowsInOrder();
    const target = rows[Math.floor(rows.length / 2)]!;
    const original = target.after!;
    const forged = { ...JSON.parse(original), identifier: 'forged.example' };
    await t.db.db.updateTable('audit_log').set({ after: JSON.stringify(forged) }).where('seq', '=', target.seq).execute();
    expect(await verifyAudit(t.db.db)).toMatchObject({ ok: false, firstBadSeq: Number(target.seq), entryId: target.id, reason: 'hash-mismatch' });
    // Small batches find it too; the stored text is hashed byte for byte, so even re-spacing it shows.
    expect(await verifyAudit(t.db.db, 3)).toMatchObject({ ok: false, firstBadSeq: Number(target.seq), reason: 'hash-mismatch' });
    await t.db.db.updateTable('audit_log').set({ after: JSON.stringify(JSON.parse(original), null, 2) }).where('seq', '=', target.seq).execute();
    expect(await verifyAudit(t.db.db, 3)).toMatchObject({ ok: false, firstBadSeq: Number(target.seq), reason: 'hash-mismatch' });
    await t.db.db.updateTable('audit_log').set({ after: original }).where('seq', '=', target.seq).execute();
  });

  it('finds a removed entry as a broken link at the next one', async () => {
    const rows = await rowsInOrder();
    const removed = rows[5]!;
    await t.db.db.deleteFrom('audit_log').where('seq', '=', removed.seq).execute();
    expect(await verifyAudit(t.db.db)).toMatchObject({ ok: false, checked: 5, firstBadSeq: Number(rows[6]!.seq), entryId: rows[6]!.id, reason: 'broken-link' });
    // Putting it back makes the log whole again.
    await t.db.db.insertInto('audit_log').values(removed).execute();
    expect(await verifyAudit(t.db.db)).toEqual({ ok: true, checked: rows.length });
  });

  it('finds entries cut off the end', async () => {
    const rows = await rowsInOrder();
    const last = rows[rows.length - 1]!;
    await t.db.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    expect(await verifyAudit(t.db.db)).toMatchObject({ ok: false, checked: rows.length - 1, firstBadSeq: Number(last.seq), reason: 'broken-link' });
  });
});
