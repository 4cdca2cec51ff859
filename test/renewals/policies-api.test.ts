import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as schemas from '../../src/renewals/policies.schemas.ts';
import type { EffectivePolicyView, OverrideView, PoliciesView } from '../../src/renewals/policies.service.ts';
import type { RenewalPolicy } from '../../src/renewals/policy.model.ts';
import { DEFAULT_RENEWAL_POLICY } from '../../src/renewals/policy.model.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

let t: TestApp;
let a: Agency;
let assetId: string;

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const auditOf = (entityId: string) =>
  t.deps.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', entityId).orderBy('seq').execute();
const policyRows = () => t.deps.database.db.selectFrom('renewal_policies').select(['scope', 'target', 'settings']).orderBy('id').execute();

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2030-01-10T09:00:00.000Z');
  a = await seedAgency(t);
  const asset = await t.request('POST', '/api/v1/assets', {
    token: a.manager.token,
    body: { clientId: a.clientA, kind: 'domain', identifier: 'shop.example', name: 'Shop domain', expiresOn: '2030-03-01', autoRenew: false },
  });
  expect(asset.status, asset.text).toBe(201);
  assetId = asset.body.id;
});
afterAll(async () => t?.close());

describe('renewal policies API', () => {
  it('starts with the shipped default and no overrides', async () => {
    const res = await t.request('GET', '/api/v1/renewal-policies', { token: a.viewer.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ default: DEFAULT_RENEWAL_POLICY, overrides: [], nextCursor: null });
  });

  it('sets the default as a whole, sorted offsets, audited with before and after', async () => {
    const policy = { ...DEFAULT_RENEWAL_POLICY, reminderOffsets: [7, 30, 0], taskLeadDays: 21, escalateDaysBefore: 5, fallbackAssigneeId: a.manager.id };
    const res = await t.request('PUT', '/api/v1/renewal-policies/default', { token: a.admin.token, body: policy });
    expect(res.status, res.text).toBe(200);
    expect(res.body.reminderOffsets).toEqual([30, 7, 0]);
    const read = await t.request('GET', '/api/v1/renewal-policies', { token: a.manager.token });
    expect(read.body.default).toMatchObject({ reminderOffsets: [30, 7, 0], taskLeadDays: 21, fallbackAssigneeId: a.manager.id });
    const [row] = (await policyRows()).filter((r) => r.scope === 'default');
    const id = (await t.deps.database.db.selectFrom('renewal_policies').select('id').where('scope', '=', 'default').executeTakeFirstOrThrow()).id;
    expect(row).toBeDefined();
    const audit = await auditOf(id);
    expect(audit.map((e) => e.action)).toEqual(['renewal-policy.updated']);
    expect(JSON.parse(audit[0]!.before!).taskLeadDays).toBe(30);
    expect(JSON.parse(audit[0]!.after!).taskLeadDays).toBe(21);
  });

  const badDefaults: [string, Record<string, unknown>, string][] = [
    ['a negative offset', { reminderOffsets: [7, -1] }, 'body.reminderOffsets.1'],
    ['a day twice', { reminderOffsets: [7, 7] }, 'body.reminderOffsets'],
    ['a time that is no time', { reminderTime: '25:00' }, 'body.reminderTime'],
    ['an escalation before the task exists', { taskLeadDays: 10, escalateDaysBefore: 10 }, 'body.escalateDaysBefore'],
    ['an unknown fallback person', { fallbackAssigneeId: 'usr_nobody' }, 'body.fallbackAssigneeId'],
    ['a client portal user as fallback', { fallbackAssigneeId: 'portal' }, 'body.fallbackAssigneeId'],
    ['a missing field', { autoRenewGraceDays: undefined }, 'body.autoRenewGraceDays'],
    ['an unknown field', { colour: 'red' }, 'body'],
  ];
  for (const [what, change, field] of badDefaults) {
    it(`refuses a default with ${what}, changing nothing`, async () => {
      const before = await policyRows();
      const body = { ...DEFAULT_RENEWAL_POLICY, ...change };
      if (body.fallbackAssigneeId === 'portal') body.fallbackAssigneeId = a.clientUser.id;
      const res = await t.request('PUT', '/api/v1/renewal-policies/default', { token: a.owner.token, body });
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res.body).some((f) => f.startsWith(field))).toBe(true);
      expect(await policyRows()).toEqual(before);
    });
  }

  it('adds, changes and removes a client override, naming the client, audited', async () => {
    const put = await t.request('PUT', `/api/v1/renewal-policies/client/${a.clientA}`, { token: a.admin.token, body: { taskLeadDays: 45 } });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ scope: 'client', target: a.clientA, targetName: 'Client A', override: { taskLeadDays: 45 } });
    const again = await t.request('PUT', `/api/v1/renewal-policies/client/${a.clientA}`, { token: a.admin.token, body: { taskLeadDays: 40, reminderTime: '09:30' } });
    expect(again.body.id).toBe(put.body.id);
    const list = await t.request('GET', '/api/v1/renewal-policies', { token: a.viewer.token });
    expect(list.body.overrides).toEqual([{ id: put.body.id, scope: 'client', target: a.clientA, targetName: 'Client A', override: { taskLeadDays: 40, reminderTime: '09:30' }, updatedAt: expect.any(String) }]);
    expect((await t.request('DELETE', `/api/v1/renewal-policies/client/${a.clientA}`, { token: a.owner.token })).status).toBe(204);
    expect((await t.request('DELETE', `/api/v1/renewal-policies/client/${a.clientA}`, { token: a.owner.token })).status).toBe(404);
    const audit = await auditOf(put.body.id);
    expect(audit.map((e) => e.action)).toEqual(['renewal-policy.updated', 'renewal-policy.updated', 'renewal-policy.deleted']);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ taskLeadDays: 45 });
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({ taskLeadDays: 40, reminderTime: '09:30' });
    expect(JSON.parse(audit[2]!.before!)).toMatchObject({ taskLeadDays: 40 });
  });

  const badOverrides: [string, string, Record<string, unknown>, number, string?][] = [
    ['no field at all', 'kind/domain', {}, 400, 'body'],
    ['an unknown kind', 'kind/spaceship', { taskLeadDays: 5 }, 400, 'params.target'],
    ['an unknown scope', 'planet/earth', { taskLeadDays: 5 }, 400, 'params.scope'],
    ['a client that does not exist', 'client/cli_nothing', { taskLeadDays: 5 }, 404],
    ['an asset that does not exist', 'asset/ast_nothing', { taskLeadDays: 5 }, 404],
    ['a disabled or unknown fallback', 'kind/domain', { fallbackAssigneeId: 'usr_gone' }, 400, 'body.fallbackAssigneeId'],
    // The default's task lead time is 21 days: an escalation of 21 days before is refused though the override sets no lead time.
    ['an escalation not below the inherited lead time', 'kind/domain', { escalateDaysBefore: 21 }, 400, 'body.escalateDaysBefore'],
    ['a wrong type', 'kind/domain', { taskLeadDays: 'soon' }, 400, 'body.taskLeadDays'],
  ];
  for (const [what, path, body, status, field] of badOverrides) {
    it(`refuses an override with ${what}, changing nothing`, async () => {
      const before = await policyRows();
      const res = await t.request('PUT', `/api/v1/renewal-policies/${path}`, { token: a.owner.token, body });
      expect(res.status, res.text).toBe(status);
      if (field) expect(fieldsOf(res.body)).toContain(field);
      expect(await policyRows()).toEqual(before);
    });
  }

  it('checks an asset override against the layers above it', async () => {
    await t.request('PUT', `/api/v1/renewal-policies/client/${a.clientA}`, { token: a.owner.token, body: { taskLeadDays: 10 } });
    const refused = await t.request('PUT', `/api/v1/renewal-policies/asset/${assetId}`, { token: a.owner.token, body: { escalateDaysBefore: 12 } });
    expect(refused.status, refused.text).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['body.escalateDaysBefore']);
    const fine = await t.request('PUT', `/api/v1/renewal-policies/asset/${assetId}`, { token: a.owner.token, body: { escalateDaysBefore: 12, taskLeadDays: 14 } });
    expect(fine.status, fine.text).toBe(200);
    expect(fine.body.targetName).toBe('Shop domain');
    await t.request('DELETE', `/api/v1/renewal-policies/asset/${assetId}`, { token: a.owner.token });
  });

  it("shows an asset's policy in force, where each field comes from, and its next renewal schedule", async () => {
    await t.request('PUT', '/api/v1/renewal-policies/kind/domain', { token: a.owner.token, body: { reminderTime: '07:00', expiredReminderDays: 1, paymentReminderOffsets: [3] } });
    await t.request('PUT', `/api/v1/renewal-policies/asset/${assetId}`, { token: a.owner.token, body: { escalateDaysBefore: null } });
    const res = await t.request('GET', `/api/v1/assets/${assetId}/renewal-policy`, { token: a.viewer.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.policy).toMatchObject({ taskLeadDays: 10, reminderTime: '07:00', escalateDaysBefore: null, reminderOffsets: [30, 7, 0] });
    expect(res.body.sources).toMatchObject({ taskLeadDays: 'client', reminderTime: 'kind', escalateDaysBefore: 'asset', reminderOffsets: 'default' });
    expect(res.body.preview).toEqual({
      renewalOn: '2030-03-01',
      reminders: [
        { kind: 'renewal', offsetDays: 30, remindOn: '2030-01-30' },
        { kind: 'pay', offsetDays: 3, remindOn: '2030-02-26' },
        { kind: 'renewal', offsetDays: 7, remindOn: '2030-02-22' },
        { kind: 'renewal', offsetDays: 0, remindOn: '2030-03-01' },
        { kind: 'expired', offsetDays: 1, remindOn: '2030-03-02' },
      ].sort((x, y) => x.remindOn.localeCompare(y.remindOn)),
      taskCreateOn: '2030-02-19',
      taskDueOn: '2030-03-01',
      escalateOn: null,
    });
    expect((await t.request('GET', '/api/v1/assets/ast_nothing/renewal-policy', { token: a.viewer.token })).status).toBe(404);
  });

  it('pages overrides with a cursor', async () => {
    for (const kind of ['hosting', 'certificate', 'licence']) await t.request('PUT', `/api/v1/renewal-policies/kind/${kind}`, { token: a.owner.token, body: { autoRenewGraceDays: 5 } });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: { status: number; body: { overrides: { id: string }[]; nextCursor: string | null } } = await t.request('GET', `/api/v1/renewal-policies?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: a.viewer.token });
      expect(res.body.overrides.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.overrides.map((o) => o.id));
      cursor = res.body.nextCursor;
    }
    expect(seen.length).toBe((await policyRows()).filter((r) => r.scope !== 'default').length);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await t.request('GET', '/api/v1/renewal-policies?cursor=garbage', { token: a.viewer.token })).status).toBe(400);
  });

  it('lets managers and viewers read but not set policies, and client users neither', async () => {
    const body = { taskLeadDays: 3 };
    expect((await t.request('GET', '/api/v1/renewal-policies', { token: a.manager.token })).status).toBe(200);
    expect((await t.request('PUT', '/api/v1/renewal-policies/kind/backup', { token: a.manager.token, body })).status).toBe(403);
    expect((await t.request('PUT', '/api/v1/renewal-policies/default', { token: a.viewer.token, body: DEFAULT_RENEWAL_POLICY })).status).toBe(403);
    expect((await t.request('DELETE', '/api/v1/renewal-policies/kind/domain', { token: a.manager.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/renewal-policies', { token: a.clientUser.token })).status).toBe(403);
    expect((await t.request('GET', `/api/v1/assets/${assetId}/renewal-policy`, { token: a.clientUser.token })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/renewal-policies')).status).toBe(401);
    expect((await policyRows()).some((r) => r.target === 'backup')).toBe(false);
  });
});

describe('the renewal policy response schemas', () => {
  // `z.object` drops keys it does not name: a field added to a view must be added to its schema too.
  it('name every field of the views they document', () => {
    expectTypeOf<keyof z.output<typeof schemas.policyView>>().toEqualTypeOf<keyof RenewalPolicy>();
    expectTypeOf<keyof z.output<typeof schemas.overrideView>>().toEqualTypeOf<keyof OverrideView>();
    expectTypeOf<keyof z.output<typeof schemas.policiesView>>().toEqualTypeOf<keyof PoliciesView>();
    expectTypeOf<keyof z.output<typeof schemas.effectivePolicyView>>().toEqualTypeOf<keyof EffectivePolicyView>();
  });
});
